// Runs in every test process: workers log state changes at INFO, tests want warnings only.
import { DefaultLogger, Runtime } from '@temporalio/worker';

Runtime.install({ logger: new DefaultLogger('WARN') });
