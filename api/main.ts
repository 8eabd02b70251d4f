import { Client, Connection } from '@temporalio/client';
import { resolve } from 'node:path';
import { pino } from 'pino';
import { createPrisma } from '../prisma/client';
import { createApp } from './app';
import { appConfigOf, dataConverterOf, loadEnvOrExit, objectStoreConfigOf } from '../config/env';
import { createObjectStore } from '../records/objects';

const env = loadEnvOrExit();
const logger = pino({ level: env.LOG_LEVEL, name: 'api' });
const db = createPrisma(env.DATABASE_URL);
const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
const temporal = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE, dataConverter: dataConverterOf(env) });

const objects = await createObjectStore(objectStoreConfigOf(env));
logger.info({ objects: objects.describe }, 'materials store');
const app = createApp({
  db,
  objects,
  temporal,
  logger,
  // The web pages, when built (npm start builds them; `npm run web:build` by hand).
  config: { ...appConfigOf(env), webDist: resolve('web/dist') },
});
const server = app.listen(env.PORT, () => logger.info({ port: env.PORT }, 'API listening'));

const shutdown = () => {
  server.close(async () => {
    await connection.close();
    await db.$disconnect();
    process.exit(0);
  });
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
