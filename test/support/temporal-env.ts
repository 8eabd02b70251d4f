// Helpers for test files that talk to Temporal: a private time-skipping server, or the run's
// shared dev server (see test/global-setup.ts).
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { inject } from 'vitest';
import { offsetClock, systemClock, type Clock } from '../../domain/clock';
import { SEARCH_ATTRIBUTES } from '../../domain/search-attributes';
import { createDataConverter, DEV_PAYLOAD_KEY } from '../../config/data-converter';
import { runStart } from './run-start';

/** Tests encrypt payloads as production does, with the development key. */
export const testDataConverter = createDataConverter(DEV_PAYLOAD_KEY);

/**
 * Skips a time-skipping server's clock to `iso` plus `extraMs` (nothing when it is already past).
 * Deadlines count mainland working days, so a fixed number of calendar days may fall short of one
 * near Spring Festival or National Day: wait for the instant the workflow reports instead.
 */
export async function sleepUntil(env: TestWorkflowEnvironment, iso: string, extraMs = 60_000): Promise<void> {
  const ms = Date.parse(iso) + extraMs - (await env.currentTimeMs());
  if (ms > 0) await env.sleep(ms);
}

/**
 * A time-skipping environment of its own, with the project's search attributes registered as
 * the dev server registers them (the workflows publish them), its clock moved to the run's start
 * instant (TL_TEST_START, for the date matrix); call `teardown()` when done.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await startTimeSkippingServer();
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(SEARCH_ATTRIBUTES.map((k) => [k.name, temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD])),
  });
  // Time moves only when a test moves it (sleepUntil, env.sleep). The SDK's client would also
  // let it run free while a result is awaited: the server then skips to whatever timer any
  // workflow of the file holds, years ahead if one waits for years, and a test after it runs in
  // another decade. A plain client waits for results without touching the clock.
  Object.defineProperty(env, 'client', { value: new Client({ connection: env.connection, namespace: env.namespace ?? 'default', dataConverter: testDataConverter }) });
  const start = runStart();
  if (start) {
    const ahead = start.getTime() - (await env.currentTimeMs());
    if (ahead < 0) throw new Error(`TL_TEST_START ${start.toISOString()} is in the past: a time-skipping server only moves forward`);
    await env.sleep(ahead);
  }
  return env;
}

/**
 * The SDK gives a new server a fixed 5 s to accept connections, then kills it. The JVM usually
 * needs well under 1 s, but with test files running side by side on a busy machine a start can
 * miss the window: then it starts another one (the first is gone), at most three times.
 */
async function startTimeSkippingServer(attempts = 3): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: inject('timeSkippingServerPath') } },
        client: { dataConverter: testDataConverter },
      });
    } catch (err) {
      if (attempt >= attempts || !/did not start within/.test(String((err as Error)?.message))) throw err;
      console.warn(`[temporal] the time-skipping server did not start in the SDK's 5 s (attempt ${attempt} of ${attempts}), starting another`);
    }
  }
}

/**
 * "Now" for what runs beside a time-skipping server (the API, activities, seeds): the server's
 * time as of the last `sync()`, running on with the wall clock in between. Workflows read the
 * server's time themselves.
 */
export async function serverClock(env: TestWorkflowEnvironment): Promise<{ clock: Clock; sync(): Promise<void> }> {
  let offsetMs = 0;
  const sync = async () => {
    offsetMs = (await env.currentTimeMs()) - systemClock().getTime();
  };
  await sync();
  return { clock: offsetClock(() => offsetMs), sync };
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
