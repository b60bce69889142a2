import { anAlertMessage, anIncident, aResolvedMessage, aTestMessage } from '../../test-support/alert-message.factory';
import { pagerDutyEvent } from './pagerduty-event';

const KEY = 'R0123456789ABCDEF0123456789ABCDE';

describe('pagerDutyEvent', () => {
  it('triggers an opened incident with the incident id as dedup_key', () => {
    expect(pagerDutyEvent(anAlertMessage(), KEY)).toEqual({
      routing_key: KEY,
      event_action: 'trigger',
      dedup_key: 'inc-7',
      payload: {
        summary: 'DOWN shop — origin_down at app (nginx): app refuses connections at 10.0.0.3:3000, so nginx at proxy answers 502.',
        source: 'shop.example',
        severity: 'critical',
        timestamp: '2025-11-22T00:00:30.000Z',
        component: 'app',
        group: 'shop',
        class: 'origin_down',
        custom_details: expect.objectContaining({ Site: 'shop', State: 'open', Cause: 'origin_down', 'Failing hop': 'app', Gateway: 'nginx' }),
      },
      client: 'hopwatch',
      client_url: 'https://hopwatch.example/incidents/inc-7',
      links: [{ href: 'https://hopwatch.example/incidents/inc-7', text: 'Incident in hopwatch' }],
    });
  });

  it.each([
    { name: 'opened', message: anAlertMessage(), action: 'trigger', severity: 'critical' },
    { name: 'updated', message: anAlertMessage({ type: 'incident.updated' }), action: 'trigger', severity: 'critical' },
    { name: 'flapping', message: anAlertMessage({ type: 'incident.flapping', incident: anIncident({ flapping: true }) }), action: 'trigger', severity: 'warning' },
    { name: 'resolved', message: aResolvedMessage(), action: 'resolve', severity: undefined },
  ])('$name → $action of the same dedup_key', ({ message, action, severity }) => {
    const event = pagerDutyEvent(message, KEY);
    expect(event).toMatchObject({ event_action: action, dedup_key: 'inc-7', routing_key: KEY });
    expect('payload' in event ? event.payload.severity : undefined).toBe(severity);
  });

  it('resolves with only what PagerDuty needs', () => {
    expect(pagerDutyEvent(aResolvedMessage(), KEY)).toEqual({ routing_key: KEY, event_action: 'resolve', dedup_key: 'inc-7' });
  });

  it('triggers a test as an info event of its own, never touching an incident', () => {
    expect(pagerDutyEvent(aTestMessage(), KEY)).toMatchObject({
      event_action: 'trigger',
      dedup_key: 'hopwatch-test-test-chan-3-1',
      payload: { summary: 'test notification', source: 'hopwatch', severity: 'info' },
      links: [],
    });
  });

  it('keeps the summary within 1024 characters', () => {
    const message = anAlertMessage();
    message.incident!.diagnosis.summary = 's'.repeat(3000);
    const event = pagerDutyEvent(message, KEY);
    expect('payload' in event && event.payload.summary.length).toBe(1024);
  });
});
