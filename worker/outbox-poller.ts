import type { Logger } from 'pino';
import { deliverMail, type MailSender } from '../activities/mail/deliver';

/**
 * Mail that could not be sent when its transition was recorded (SMTP down, a crash between
 * commit and send) is retried here. Claims make concurrent workers safe.
 */
export function startOutboxPoller(sender: MailSender, logger: Logger, everyMs = 15_000) {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const { sent, failed } = await deliverMail(sender);
      if (sent || failed) logger.info({ sent, failed }, 'outbox pass');
    } catch (err) {
      logger.warn({ err }, 'outbox pass failed');
    } finally {
      running = false;
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
