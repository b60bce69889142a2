// Alert messages for alerting tests: readable defaults (shop, nginx 502 because app refuses), override what matters.
import type { Diagnosis } from '@hopwatch/domain';
import { aDiagnosis as aDomainDiagnosis } from '../../domain/test-support/builders';
import type { AlertIncident, AlertMessage } from '../src/message';

/** The domain's diagnosis builder, with the wording these tests render. */
export function aDiagnosis(overrides: Partial<Diagnosis> = {}): Diagnosis {
  return aDomainDiagnosis({
    summary: 'app refuses connections at 10.0.0.3:3000, so nginx at proxy answers 502.',
    nextSteps: ['Check that something listens on 10.0.0.3:3000.', 'Look at the app logs around the start time.'],
    ...overrides,
  });
}

export function anIncident(overrides: Partial<AlertIncident> = {}): AlertIncident {
  return {
    id: 'inc-7',
    status: 'open',
    pattern: 'persistent',
    flapping: false,
    regions: ['default'],
    startedAt: '2025-11-22T00:00:00.000Z',
    resolvedAt: null,
    durationSeconds: null,
    inMaintenance: false,
    diagnosis: aDiagnosis(),
    affectedSites: ['shop'],
    ...overrides,
  };
}

export function anAlertMessage(overrides: Partial<AlertMessage> = {}): AlertMessage {
  return {
    id: 'evt-42-chan-3',
    type: 'incident.opened',
    timestamp: '2025-11-22T00:00:30.000Z',
    site: { id: 'site-1', name: 'shop', url: 'https://shop.example/' },
    incident: anIncident(),
    certificate: null,
    link: 'https://hopwatch.example/incidents/inc-7',
    ...overrides,
  };
}

export function aResolvedMessage(durationSeconds = 252): AlertMessage {
  const resolvedAt = new Date(Date.parse('2025-11-22T00:00:00.000Z') + durationSeconds * 1000).toISOString();
  return anAlertMessage({
    id: 'evt-43-chan-3',
    type: 'incident.resolved',
    timestamp: resolvedAt,
    incident: anIncident({ status: 'resolved', resolvedAt, durationSeconds }),
  });
}

export function aTestMessage(): AlertMessage {
  return { id: 'test-chan-3-1', type: 'test', timestamp: '2025-11-22T00:00:00.000Z', site: null, incident: null, certificate: null, link: null };
}

export function aCertificateMessage(): AlertMessage {
  return anAlertMessage({
    id: 'cert-9-chan-3',
    type: 'certificate.expiring',
    incident: null,
    certificate: { target: 'origin', issuer: 'R11', subject: 'shop.example', validTo: '2025-11-24T00:00:00.000Z', daysLeft: 2, thresholdDays: 7 },
    link: 'https://hopwatch.example/api/v1/sites/site-1',
  });
}
