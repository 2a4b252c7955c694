/**
 * Text messages (SMS), off unless configured: `SMS_PROVIDER` picks a provider. `log` (for
 * development) writes each message as a log line instead of sending it; a real provider (an HTTP
 * API) is one more case in `createSmsSender` that implements the same `send`. Email is always the
 * main channel; a text is an extra for guardians who have a phone number on file.
 */
import type { Config } from '../../env';

export interface SmsSender {
  /** Sends `text` to the phone number `to` (as the school has it, e.g. +44 7700 900123). */
  send(to: string, text: string): Promise<void>;
}

export const smsProviders = ['off', 'log'] as const;
export type SmsProvider = (typeof smsProviders)[number];

/** Where the `log` provider writes: one JSON line per message, like the server's own log. */
export type SmsLog = (line: string) => void;
const stdout: SmsLog = (line) => void process.stdout.write(`${line}\n`);

/** The sender for a provider; null when texts are off. */
export function createSmsSender(provider: SmsProvider, log: SmsLog = stdout): SmsSender | null {
  switch (provider) {
    case 'off':
      return null;
    case 'log':
      return {
        async send(to, text) {
          log(JSON.stringify({ level: 30, time: Date.now(), msg: 'sms (log provider: not sent)', to, text }));
        },
      };
  }
}

/**
 * The configured sender. `config.smsProvider` comes from `SMS_PROVIDER` (src/server/env.ts);
 * a configuration without it has texts off.
 */
export function smsSenderOf(config: Config, log?: SmsLog): SmsSender | null {
  const provider = (config as Config & { smsProvider?: SmsProvider }).smsProvider ?? 'off';
  return createSmsSender(provider, log);
}
