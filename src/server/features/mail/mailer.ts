/**
 * Sending email. Every message is written to the outbox table first (so /dev/mail shows it in
 * embedded mode and nothing sent is forgotten); with SMTP_URL set it is also sent with nodemailer.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../db/client';
import { insertOutboxMail, setOutboxTransport } from './mail.repo';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export function createMailer(options: { db: Db; from: string; smtpUrl?: string | undefined; transport?: Transporter }): Mailer {
  const transport = options.transport ?? (options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null);
  return {
    async send(message) {
      const id = await insertOutboxMail(options.db, message);
      if (!transport) return;
      const info = await transport.sendMail({ from: options.from, ...message });
      await setOutboxTransport(options.db, id, { messageId: info.messageId, accepted: info.accepted, rejected: info.rejected });
    },
  };
}
