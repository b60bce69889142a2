// What the alert checker needs beside the fleet: a webhook receiver that verifies signatures, an SMTP sink, and a
// flapping origin (failing, then healthy, in turns) that opens and resolves incidents during every scenario.
// Both channels are default channels, so every site's notices go to both.
import { Client } from 'pg';
import { SecretBox } from '@hopwatch/platform';
import { startSmtpSink, SmtpSink } from '../../test/support/smtp-sink';
import { answerOk, startTargetServer, TargetServer } from '../../test/support/target-server';
import { TEST_SECRET_KEY } from '../../test/support/test-config';
import { startWebhookReceiver, WebhookReceiver } from '../../test/support/webhook-receiver';

/** Long enough for two failing checks (confirmations 2) at a 10 s interval, and two healthy ones to resolve. */
const FLAP_HALF_CYCLE_MS = 25_000;
/** "An hour" of backoff at 1/100: the first retry after 10 ms, doubling up to 36 s. */
export const RETRY_TIME_SCALE = 100;

export type AlertChannels = { webhook: string; email: string };

export type AlertLab = {
  receiver: WebhookReceiver;
  sink: SmtpSink;
  origin: TargetServer;
  /** Settings the hopwatch processes need to alert through this lab. */
  processEnv(): Record<string, string>;
  /** Adds both channels to a scenario's database and forgets what the receivers got in earlier scenarios. */
  prepare(databaseUrl: string): Promise<AlertChannels>;
  /** The origin fails and recovers in turns from now on. */
  flap(): void;
  /** The origin stays healthy, so open incidents resolve. */
  steady(): void;
  close(): Promise<void>;
};

export async function openAlertLab(): Promise<AlertLab> {
  const [receiver, sink, origin] = await Promise.all([startWebhookReceiver(), startSmtpSink(), startTargetServer()]);
  const box = new SecretBox(Buffer.from(TEST_SECRET_KEY, 'base64'));
  return {
    receiver,
    sink,
    origin,
    processEnv: () => ({
      HOPWATCH_SMTP_URL: sink.url(),
      HOPWATCH_RESOLVE_QUIET_SECONDS: '5',
      HOPWATCH_ALERT_RETRY_FIRST_MS: String(1_000 / RETRY_TIME_SCALE),
      HOPWATCH_ALERT_RETRY_MAX_MS: String(3_600_000 / RETRY_TIME_SCALE),
    }),
    async prepare(databaseUrl) {
      receiver.deliveries.length = 0;
      sink.messages.length = 0;
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query(
          `INSERT INTO alert_channels (name, kind, email_to, webhook_url, webhook_secret, is_default)
           VALUES ('faults-webhook', 'webhook', '{}', $1, $2, true), ('faults-email', 'email', '{oncall@faults.test}', NULL, NULL, true)
           RETURNING id, kind`,
          [receiver.url('/hooks/faults'), box.seal(receiver.secret)],
        );
        return { webhook: rows.find((row) => row.kind === 'webhook').id, email: rows.find((row) => row.kind === 'email').id };
      } finally {
        await client.end();
      }
    },
    flap() {
      const since = Date.now();
      origin.respondWith((request, response) => {
        const failing = Math.floor((Date.now() - since) / FLAP_HALF_CYCLE_MS) % 2 === 0;
        response.writeHead(failing ? 503 : 200, { 'content-type': 'text/plain' }).end(failing ? 'down' : 'ok');
      });
    },
    steady: () => origin.respondWith(answerOk),
    async close() {
      await Promise.all([receiver.close(), sink.close(), origin.close()]);
    },
  };
}
