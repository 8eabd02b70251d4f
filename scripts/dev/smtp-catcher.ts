// A real SMTP server that keeps what it receives: in memory for tests, and as .eml files in a
// folder for `npm start`, so a person can open every mail the system sent.
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { systemClock } from '../../domain/clock';

export interface CaughtMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  raw: string;
}

export interface SmtpCatcher {
  port: number;
  url: string;
  messages: CaughtMail[];
  /** Resolves once at least `count` messages satisfy `match`, or rejects after `timeoutMs`. */
  waitFor(match: (m: CaughtMail) => boolean, count?: number, timeoutMs?: number): Promise<CaughtMail[]>;
  stop(): Promise<void>;
}

export async function startSmtpCatcher(opts: { port?: number; host?: string; dir?: string } = {}): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = [];
  const listeners = new Set<() => void>();
  if (opts.dir) await mkdir(opts.dir, { recursive: true });

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        try {
          const raw = Buffer.concat(chunks).toString('utf8');
          const parsed = await simpleParser(raw);
          const mail: CaughtMail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            messageId: parsed.messageId ?? '',
            raw,
          };
          messages.push(mail);
          if (opts.dir) {
            const name = `${systemClock().toISOString().replace(/[:.]/g, '-')}-${messages.length}.eml`;
            await writeFile(join(opts.dir, name), raw);
          }
          listeners.forEach((l) => l());
          callback();
        } catch (err) {
          callback(err as Error);
        }
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    url: `smtp://${opts.host ?? '127.0.0.1'}:${port}`,
    messages,
    waitFor(match, count = 1, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.filter(match);
          if (found.length >= count) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`expected ${count} matching mail(s), got ${messages.filter(match).length}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
