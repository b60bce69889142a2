// The alert half of the checker: once the run has settled, every incident event whose outcome was a notice must
// have reached each default channel's receiver, under the id of its delivery, and no notice may arrive twice.
import { Client } from 'pg';
import { AlertLedger, alertLedger, ExpectedAlert, ReceivedAlert } from '@hopwatch/domain';
import { AlertChannels, AlertLab } from './alert-lab';
import { withClient } from './fault-lab';

const NOTICES = ['opened', 'updated', 'flapping', 'resolved'];
const POLL_MS = 500;

export type Unsettled = { openIncidents: number; undispatchedEvents: number; pendingDeliveries: number };
/** The ledger, what was left unsettled, and how many deliveries took more than one attempt. */
export type AlertCheck = AlertLedger & Unsettled & { retried: number };

/**
 * Waits until every incident has resolved, every event has been dispatched and no delivery is pending: only then is
 * the set of notices final. What is still unsettled at the deadline shows in checkAlerts' answer.
 */
export async function settleAlerts(databaseUrl: string, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const unsettled = await withClient(databaseUrl, readUnsettled);
    const settled = unsettled.openIncidents + unsettled.undispatchedEvents + unsettled.pendingDeliveries === 0;
    if (settled) return [];
    if (Date.now() > deadline) return withClient(databaseUrl, describeOpenIncidents);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** For the log when a run does not settle: each incident still open, with its site's latest entry check. */
async function describeOpenIncidents(client: Client): Promise<string[]> {
  const { rows } = await client.query(
    `SELECT site.name, incident.status, incident.pattern, incident.started_at, incident.root_incident_id IS NOT NULL AS member,
            (SELECT max(slot) FROM check_results WHERE site_id = site.id AND target = 'entry') AS last_slot,
            (SELECT ok FROM check_results WHERE site_id = site.id AND target = 'entry' ORDER BY slot DESC LIMIT 1) AS last_ok
       FROM incidents AS incident JOIN sites AS site ON site.id = incident.site_id
      WHERE incident.status <> 'resolved'`,
  );
  return rows.map((row) => JSON.stringify(row));
}

export async function checkAlerts(databaseUrl: string, lab: AlertLab, channels: AlertChannels): Promise<AlertCheck> {
  return withClient(databaseUrl, async (client) => {
    const ledger = alertLedger(await expectedAlerts(client, channels), receivedAlerts(lab, channels));
    const retried = await client.query(`SELECT count(*)::int AS n FROM deliveries WHERE attempts > 1`);
    return { ...ledger, ...(await readUnsettled(client)), retried: retried.rows[0].n };
  });
}

async function readUnsettled(client: Client): Promise<Unsettled> {
  const { rows } = await client.query(
    `SELECT (SELECT count(*) FROM incidents WHERE status <> 'resolved')::int AS "openIncidents",
            (SELECT count(*) FROM incident_events WHERE dispatched_at IS NULL)::int AS "undispatchedEvents",
            (SELECT count(*) FROM deliveries WHERE status = 'pending')::int AS "pendingDeliveries"`,
  );
  return rows[0];
}

/** Each event decided as a notice, on each channel, with the delivery Postgres holds for it (if any). */
async function expectedAlerts(client: Client, channels: AlertChannels): Promise<ExpectedAlert[]> {
  const { rows } = await client.query(
    `SELECT event.id::text AS "eventId", event.incident_id AS "incidentId", event.outcome AS notice,
            channel.id AS "channelId", delivery.id AS "deliveryId"
       FROM incident_events AS event
      CROSS JOIN unnest($1::uuid[]) AS channel(id)
       LEFT JOIN deliveries AS delivery ON delivery.event_id = event.id AND delivery.channel_id = channel.id
      WHERE event.outcome = ANY($2)`,
    [[channels.webhook, channels.email], NOTICES],
  );
  return rows;
}

/** What the receivers accepted: webhooks answered 2xx by their `webhook-id`, emails by their Message-ID. */
function receivedAlerts(lab: AlertLab, channels: AlertChannels): ReceivedAlert[] {
  const webhooks = lab.receiver.accepted().map((delivery) => ({ channelId: channels.webhook, deliveryId: delivery.id }));
  const emails = lab.sink.messages.map((message) => ({ channelId: channels.email, deliveryId: messageIdLocalPart(message.headers['message-id'] ?? '') }));
  return [...webhooks, ...emails];
}

function messageIdLocalPart(messageId: string): string {
  return messageId.replace(/^</, '').replace(/@.*$/, '');
}
