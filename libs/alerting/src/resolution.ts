// What a resolved notice says: what it was, how long it lasted, and that it is over. No next steps: nothing is left to do.
import { CAUSE_LABELS, type Diagnosis } from '@hopwatch/domain';
import { formatDuration, formatTime } from './email/email-facts';

export type ResolvedIncident = {
  diagnosis: Pick<Diagnosis, 'cause' | 'failingHop'>;
  pattern: string;
  startedAt: string;
  resolvedAt: string | null;
  /** For a root incident: how many sites it grouped, its own included. */
  sitesAffected?: number;
};

export function resolutionSentence(incident: ResolvedIncident): string {
  const { cause, failingHop } = incident.diagnosis;
  const where = failingHop ? ` (failing hop: ${failingHop})` : '';
  const seconds = incident.resolvedAt ? (Date.parse(incident.resolvedAt) - Date.parse(incident.startedAt)) / 1000 : null;
  const lasted = seconds === null ? '' : ` It lasted ${formatDuration(seconds)}, from ${formatTime(incident.startedAt)} to ${formatTime(incident.resolvedAt!)}.`;
  const what = CAUSE_LABELS[cause] ?? cause;
  const sites = incident.sitesAffected ?? 1;
  const affected = sites > 1 ? ` It affected ${sites} sites failing at that shared hop; the last of them has recovered.` : '';
  return `It was ${incident.pattern}: ${what}${where}.${lasted}${affected} It is over: the checks pass again.`;
}
