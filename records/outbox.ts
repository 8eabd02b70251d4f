import type { DbTx } from '../prisma/client';
import type { MailSpec, Recipient } from '../domain/transition';
import { renderMail } from '../domain/mail-templates';

async function resolveRecipients(tx: DbTx, to: Recipient) {
  if ('userId' in to) {
    return tx.user.findMany({ where: { id: to.userId } });
  }
  return tx.user.findMany({
    where: { ...(to.organisationId ? { organisationId: to.organisationId } : {}), roles: { some: { role: to.role } } },
    orderBy: { id: 'asc' },
  });
}

/**
 * Queues one outbox row per mail and recipient. Rows are keyed `eventKey/userId`, so queueing
 * the same event again (a retried activity) adds nothing.
 */
export async function enqueueMails(tx: DbTx, mails: MailSpec[]): Promise<string[]> {
  const keys: string[] = [];
  for (const mail of mails) {
    for (const user of await resolveRecipients(tx, mail.to)) {
      const eventKey = `${mail.eventKey}/${user.id}`;
      const { subject, text } = renderMail(mail.template, user.locale, mail.data);
      await tx.mailOutbox.upsert({
        where: { eventKey },
        create: { eventKey, to: user.email, locale: user.locale, subject, body: text },
        update: {},
      });
      keys.push(eventKey);
    }
  }
  return keys;
}
