/**
 * Sending email. Every message is written to the outbox table first (so /dev/mail shows it in
 * embedded mode and nothing sent is forgotten); with SMTP_URL set it is also sent with nodemailer,
 * and the stored copy has its secrets (sign-in tokens) redacted. A dedupe key makes a retried job
 * send a message once.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../db/client';
import { findOutboxByKey, insertOutboxMail, setOutboxTransport } from './mail.repo';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Files sent with it, e.g. a meeting's `.ics` (text/calendar). */
  attachments?: Array<{ filename: string; contentType: string; content: string }>;
}

export interface SendOptions {
  /** One message per key: sending again with the same key does nothing once it was sent. */
  dedupeKey?: string;
  /** What the outbox keeps when the message really goes out over SMTP (e.g. the link without its token). */
  redact?: (text: string) => string;
}

export interface Mailer {
  send(message: MailMessage, options?: SendOptions): Promise<void>;
}

export function createMailer(options: { db: Db; from: string; smtpUrl?: string | undefined; transport?: Transporter }): Mailer {
  const transport = options.transport ?? (options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null);
  return {
    async send(message, { dedupeKey, redact } = {}) {
      const stored = transport && redact ? { ...message, text: redact(message.text) } : message;
      let id = await insertOutboxMail(options.db, { ...stored, dedupeKey: dedupeKey ?? null });
      if (!id && dedupeKey) {
        const existing = await findOutboxByKey(options.db, dedupeKey);
        if (!existing || !transport || existing.transport) return; // already kept (and sent)
        id = existing.id;
      }
      if (!transport || !id) return;
      const info = await transport.sendMail({ from: options.from, ...message, ...(message.attachments ? { attachments: message.attachments.map((a) => ({ ...a })) } : {}) });
      await setOutboxTransport(options.db, id, { messageId: info.messageId, accepted: info.accepted, rejected: info.rejected });
    },
  };
}
