// The Express app, without listen(): main.ts serves it, tests start it on port 0.
import type { Client } from '@temporalio/client';
import express from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Db } from '../prisma/client';
import { applicationsRouter } from './applications/router';
import { applicationsService } from './applications/service';
import { authenticate } from './auth/authenticate';
import { notFoundHandler, problemHandler } from './problem';

export interface AppDeps {
  db: Db;
  temporal: Client;
  logger: Logger;
  config: { jwtSecret: string; taskQueue: string; temporalUiUrl: string; namespace: string };
}

export function createApp({ db, temporal, logger, config }: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet());
  app.use(
    pinoHttp({
      logger,
      // Request bodies and tokens carry personal data: log neither.
      serializers: { req: (req) => ({ id: req.id, method: req.method, url: req.url }) },
    }),
  );
  app.use(express.json({ limit: '256kb' }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  const api = express.Router();
  api.use(authenticate(config.jwtSecret));
  api.use(
    '/applications',
    applicationsRouter(applicationsService({ db, temporal, taskQueue: config.taskQueue }), {
      temporalUi: config.temporalUiUrl,
      namespace: config.namespace,
    }),
  );
  app.use('/api', api);

  app.use(notFoundHandler);
  app.use(problemHandler);
  return app;
}
