import type { Clock } from '../../domain/clock';
import type { Db } from '../../prisma/client';
import type { Mailer } from './mailer';

/** What a sender needs: the outbox, the mailer, and a clock for its claims and sent stamps. */
export interface MailSender {
  db: Db;
  mailer: Mailer;
  clock: Clock;
}

/** A claim older than this belongs to a sender that died; another may take the row over. */
const STALE_CLAIM_MS = 60_000;

/**
 * Sends unsent outbox rows, each at most once across concurrent senders: a row is sent only by
 * the sender whose conditional update claimed it. A failed send leaves the row for a later pass.
 */
export async function deliverMail(
  { db, mailer, clock }: MailSender,
  opts: { eventKeys?: string[]; limit?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const now = clock();
  const rows = await db.mailOutbox.findMany({
    where: {
      sentAt: null,
      ...(opts.eventKeys ? { eventKey: { in: opts.eventKeys } } : {}),
      OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } }],
    },
    orderBy: { id: 'asc' },
    take: opts.limit ?? 100,
  });
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    const claimed = await db.mailOutbox.updateMany({
      where: { id: row.id, sentAt: null, claimedAt: row.claimedAt },
      data: { claimedAt: clock(), attempts: { increment: 1 } },
    });
    if (claimed.count !== 1) continue;
    try {
      await mailer.send({
        to: row.to,
        subject: row.subject,
        text: row.body,
        messageId: `<${row.id}.${encodeURIComponent(row.eventKey)}@talent-lifecycle>`,
      });
      await db.mailOutbox.update({ where: { id: row.id }, data: { sentAt: clock(), lastError: null } });
      sent++;
    } catch (err) {
      await db.mailOutbox.update({
        where: { id: row.id },
        data: { claimedAt: null, lastError: err instanceof Error ? err.message : String(err) },
      });
      failed++;
    }
  }
  return { sent, failed };
}

/** Sends the mail of a transition just recorded, now; whatever fails stays for the outbox poller. */
export function sendNow(sender: MailSender) {
  return async (eventKeys: string[]): Promise<void> => {
    if (eventKeys.length) await deliverMail(sender, { eventKeys });
  };
}
