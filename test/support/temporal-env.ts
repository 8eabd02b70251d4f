// Helpers for test files that talk to Temporal: a private time-skipping server, or the run's
// shared dev server (see test/global-setup.ts).
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import { inject } from 'vitest';
import { createDataConverter, DEV_PAYLOAD_KEY } from '../../worker/data-converter';

/** Tests encrypt payloads as production does, with the development key. */
export const testDataConverter = createDataConverter(DEV_PAYLOAD_KEY);

/** A time-skipping environment of its own; call `teardown()` when done. */
export function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('timeSkippingServerPath') } },
    client: { dataConverter: testDataConverter },
  });
}

export interface DevServerConnection {
  address: string;
  client: Client;
  /** For `Worker.create({ connection })`. */
  nativeConnection: NativeConnection;
  close(): Promise<void>;
}

/** Client and worker connections to the run's dev server (or to `address`). */
export async function connectDevServer(address = inject('temporalAddress')): Promise<DevServerConnection> {
  const connection = await Connection.connect({ address });
  const nativeConnection = await NativeConnection.connect({ address });
  return {
    address,
    client: new Client({ connection, namespace: 'default', dataConverter: testDataConverter }),
    nativeConnection,
    async close() {
      await nativeConnection.close();
      await connection.close();
    },
  };
}

/** Fresh ids keep test files apart on the shared server: `uniqueId('appraisal')`. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}
