import { DeliveryContext } from '@hopwatch/db';
import { AlertMessage, AlertType } from '@hopwatch/alerting';
import { withoutPassword } from '@hopwatch/domain';

const TYPES: Record<DeliveryContext['delivery']['notice'], AlertType> = {
  opened: 'incident.opened',
  updated: 'incident.updated',
  flapping: 'incident.flapping',
  resolved: 'incident.resolved',
  certificate: 'certificate.expiring',
  test: 'test',
};

/** The notice as channels send it. Its id is the delivery's: the same on every retry, so receivers can drop repeats. */
export function toAlertMessage({ delivery, incident, site, eventAt, memberSites, certificate }: DeliveryContext, publicUrl: string): AlertMessage {
  return {
    id: delivery.id,
    type: TYPES[delivery.notice],
    timestamp: eventAt.toISOString(),
    site: site && { id: site.id, name: site.name, url: withoutPassword(site.url) },
    incident: incident && {
      id: incident.id,
      status: incident.status,
      pattern: incident.pattern,
      flapping: incident.flapping,
      regions: incident.regions,
      startedAt: incident.startedAt.toISOString(),
      resolvedAt: incident.resolvedAt?.toISOString() ?? null,
      durationSeconds: incident.resolvedAt ? Math.round((incident.resolvedAt.getTime() - incident.startedAt.getTime()) / 1000) : null,
      inMaintenance: incident.inMaintenance,
      affectedSites: [...(site ? [site.name] : []), ...memberSites],
      // a resolved notice does not repeat what to do: it is over
      diagnosis: delivery.notice === 'resolved' ? { ...incident.diagnosis, nextSteps: [] } : incident.diagnosis,
    },
    certificate: certificate && {
      target: certificate.target,
      issuer: certificate.issuer,
      subject: certificate.subject,
      validTo: certificate.validTo.toISOString(),
      daysLeft: certificate.daysLeft,
      thresholdDays: certificate.thresholdDays,
    },
    link: incident ? `${publicUrl}/incidents/${incident.id}` : site ? `${publicUrl}/sites/${site.id}` : null,
  };
}
