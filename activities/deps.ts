import type { Client } from '@temporalio/client';
import type { Clock } from '../domain/clock';
import type { Db } from '../prisma/client';
import type { Mailer } from './mail/mailer';
import type { CalendarMode } from '../domain/calendar/mode';
import { DEFAULT_PUBLIC_BASE_URL } from '../domain/links';
import type { MailSettings } from '../records/outbox';

/** What activities need from the outside world; the worker builds these once and injects them. */
export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  /** For activities that start or signal other workflows atomically (signal-with-start). */
  temporal: Client;
  taskQueue: string;
  /** "Now" for what activities stamp themselves (mail sent, a fallback): the deployment's clock. */
  clock: Clock;
  /** How working days are counted: the mainland calendar unless a development deployment compresses them. */
  calendarMode?: CalendarMode;
  /** PUBLIC_BASE_URL: where mail links to (http://localhost:3000 when not given). */
  publicBaseUrl?: string;
}

/** How the activities word mail: the deployment's public base URL. */
export const mailSettingsOf = (deps: ActivityDeps): MailSettings => ({ publicBaseUrl: deps.publicBaseUrl ?? DEFAULT_PUBLIC_BASE_URL });
