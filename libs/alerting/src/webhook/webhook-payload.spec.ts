import { aCertificateMessage, anAlertMessage, anIncident, aTestMessage } from '../../test-support/alert-message.factory';
import type { AlertType } from '../message';
import { webhookBody, webhookEventType, webhookPayload } from './webhook-payload';

describe('webhook payload', () => {
  it.each<[AlertType, string]>([
    ['incident.opened', 'incident.opened'],
    ['incident.updated', 'incident.updated'],
    ['incident.resolved', 'incident.resolved'],
    ['incident.flapping', 'incident.updated'],
    ['certificate.expiring', 'certificate.expiring'],
    ['test', 'test'],
  ])('sends %s as %s on the wire', (type, wire) => {
    expect(webhookEventType(type)).toBe(wire);
  });

  it('is { type, timestamp, data: { notice, site, incident, certificate, link } } with the event time, not the send time', () => {
    const message = anAlertMessage();
    expect(webhookPayload(message)).toEqual({
      type: 'incident.opened',
      timestamp: '2025-11-22T00:00:30.000Z',
      data: { notice: null, site: message.site, incident: message.incident, certificate: null, link: message.link },
    });
  });

  it('marks a flapping notice as an update with notice "flapping" and incident.flapping true', () => {
    const payload = webhookPayload(anAlertMessage({ type: 'incident.flapping', incident: anIncident({ pattern: 'flapping', flapping: true }) }));
    expect(payload.type).toBe('incident.updated');
    expect(payload.data.notice).toBe('flapping');
    expect(payload.data.incident?.flapping).toBe(true);
  });

  it('carries the whole diagnosis so receivers need not call back', () => {
    const body = JSON.parse(webhookBody(anAlertMessage()).toString('utf8'));
    expect(body.data.incident.diagnosis).toMatchObject({ cause: 'origin_down', failingHop: 'app', reportedBy: 'proxy', gateway: 'nginx', proxyStatus: 'connection_refused' });
  });

  it('sends a test with no site and no incident', () => {
    expect(webhookPayload(aTestMessage())).toEqual({ type: 'test', timestamp: '2025-11-22T00:00:00.000Z', data: { notice: null, site: null, incident: null, certificate: null, link: null } });
  });

  it('sends a certificate warning with the site and the certificate, and no incident', () => {
    const message = aCertificateMessage();
    expect(webhookPayload(message)).toEqual({
      type: 'certificate.expiring',
      timestamp: message.timestamp,
      data: { notice: null, site: message.site, incident: null, certificate: message.certificate, link: 'https://hopwatch.example/api/v1/sites/site-1' },
    });
  });

  it('serialises the same message to the same bytes every time', () => {
    expect(webhookBody(anAlertMessage()).equals(webhookBody(anAlertMessage()))).toBe(true);
  });
});
