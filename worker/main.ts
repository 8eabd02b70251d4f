import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { pino } from 'pino';
import { createMailer } from '../activities/mail/mailer';
import { calendarModeOf, dataConverterOf, loadEnvOrExit, objectStoreConfigOf } from '../config/env';
import { createObjectStore } from '../records/objects';
import { systemClock } from '../domain/clock';
import { createPrisma } from '../prisma/client';
import { createWorker } from './create-worker';
import { startOutboxPoller } from './outbox-poller';
import { startRetentionSweeper } from './retention-sweeper';
import { missingSearchAttributes } from './search-attributes';

const env = loadEnvOrExit();
const logger = pino({ level: env.LOG_LEVEL, name: 'worker' });
const db = createPrisma(env.DATABASE_URL);
const mailer = createMailer(env.SMTP_URL, env.MAIL_FROM);
const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
const clientConnection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
const dataConverter = dataConverterOf(env);
const temporal = new Client({ connection: clientConnection, namespace: env.TEMPORAL_NAMESPACE, dataConverter });

const missing = await missingSearchAttributes(clientConnection, env.TEMPORAL_NAMESPACE);
if (missing.length > 0) {
  const create = missing.map((name) => `temporal operator search-attribute create --namespace ${env.TEMPORAL_NAMESPACE} --name ${name} --type Keyword`).join(' && ');
  logger.fatal({ missing }, `the namespace lacks search attributes the workflows publish; register them first: ${create}`);
  process.exit(1);
}

const worker = await createWorker({
  connection,
  namespace: env.TEMPORAL_NAMESPACE,
  taskQueue: env.TEMPORAL_TASK_QUEUE,
  db,
  mailer,
  temporal,
  clock: systemClock,
  calendarMode: calendarModeOf(env),
  publicBaseUrl: env.PUBLIC_BASE_URL,
  options: { dataConverter },
});
const stopPoller = startOutboxPoller({ db, mailer, clock: systemClock }, logger);
const stopSweeper = startRetentionSweeper({ db, objects: await createObjectStore(objectStoreConfigOf(env)), clock: systemClock }, logger);
logger.info({ taskQueue: env.TEMPORAL_TASK_QUEUE, ...calendarModeOf(env) }, 'worker running');
// The SDK shuts the worker down gracefully on SIGINT/SIGTERM, which ends run().
await worker.run();
stopPoller();
stopSweeper();
mailer.close();
await connection.close();
await clientConnection.close();
await db.$disconnect();
