import type { Db } from '../prisma/client';
import type { Mailer } from './mail/mailer';

/** What activities need from the outside world; the worker builds these once and injects them. */
export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
}
