import { z } from 'zod';
import { createDataConverter, DEV_PAYLOAD_KEY } from '../worker/data-converter';

// Configuration is parsed once at start-up; a bad value stops the process with a readable message.
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).default('file:./data/app.db'),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('talent-lifecycle'),
  TEMPORAL_UI_URL: z.url().default('http://localhost:8233'),
  JWT_SECRET: z.string().min(16).default('dev-only-secret-change-me-please'),
  SMTP_URL: z.string().min(1).default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(1).default('talent-lifecycle <no-reply@talent.local>'),
  /**
   * AES-256 key (base64) that encrypts workflow payloads, so Temporal's history never holds a
   * ballot in clear. The default is for development only; production must set its own.
   */
  TEMPORAL_PAYLOAD_KEY: z.base64().default(DEV_PAYLOAD_KEY),
  /** Earlier keys, comma-separated, still accepted for decryption after a rotation. */
  TEMPORAL_PAYLOAD_PREVIOUS_KEYS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof schema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`invalid configuration:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** The payload codec every Temporal client and worker of this deployment uses. */
export function dataConverterOf(env: Env) {
  const previous = env.TEMPORAL_PAYLOAD_PREVIOUS_KEYS.split(',').map((k) => k.trim()).filter(Boolean);
  return createDataConverter(env.TEMPORAL_PAYLOAD_KEY, ...previous);
}
