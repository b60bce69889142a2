// An incident as an operator reads it in a terminal: what broke, where, which gateway said so, what to do.
import { Style } from '../../output/style';

export type IncidentItem = {
  id: string;
  siteId: string;
  status: string;
  pattern: string;
  regions: string[];
  startedAt: string;
  resolvedAt: string | null;
  durationSeconds: number;
  diagnosis: { cause: string; failingHop: string | null; reportedBy: string | null; gateway: string; confidence: number; summary: string; nextSteps: string[] };
};

export function renderIncident(incident: IncidentItem, siteName: string, style: Style): string {
  const { diagnosis } = incident;
  const state = incident.status === 'open' ? style.red('OPEN') : style.green('resolved');
  const until = incident.resolvedAt ? ` until ${incident.resolvedAt}` : '';
  return [
    `${state}  ${style.bold(siteName)}  ${diagnosis.cause} (${incident.pattern})  since ${incident.startedAt}${until}  [${incident.id}]`,
    `  failing hop: ${diagnosis.failingHop ?? '-'}   reported by: ${diagnosis.reportedBy ?? '-'}   gateway: ${diagnosis.gateway}   confidence: ${diagnosis.confidence.toFixed(2)}   regions: ${incident.regions.join(', ') || '-'}`,
    `  ${diagnosis.summary}`,
    ...(diagnosis.nextSteps.length ? ['  next steps:', ...diagnosis.nextSteps.map((step) => `    - ${step}`)] : []),
  ].join('\n');
}
