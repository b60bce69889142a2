// What changed between an open incident and the latest verdict, and which changes deserve a notification.
import type { Diagnosis } from '../diagnosis/diagnosis';
import type { Pattern } from '../patterns/pattern';
import type { IncidentState } from './incident-state';

export type IncidentChange =
  | { field: 'cause' | 'failingHop' | 'reportedBy' | 'gateway' | 'proxyStatus' | 'pattern'; from: string | null; to: string | null }
  | { field: 'confidence'; from: number; to: number }
  | { field: 'regions'; added: string[] }
  | { field: 'flapping'; from: boolean; to: boolean };

const DIAGNOSIS_FIELDS = ['cause', 'failingHop', 'reportedBy', 'gateway', 'proxyStatus'] as const;
const MATERIAL: ReadonlySet<IncidentChange['field']> = new Set(['cause', 'failingHop', 'pattern', 'regions']);
/** Confidence moves with every run; only a move this large is worth recording. */
const CONFIDENCE_STEP = 0.1;

export function incidentChanges(state: IncidentState, diagnosis: Diagnosis | null, pattern: Pattern | null, regions: string[]): IncidentChange[] {
  const changes: IncidentChange[] = [];
  if (diagnosis) {
    for (const field of DIAGNOSIS_FIELDS) {
      if (state.diagnosis[field] !== diagnosis[field]) changes.push({ field, from: state.diagnosis[field], to: diagnosis[field] });
    }
    if (Math.abs(state.diagnosis.confidence - diagnosis.confidence) >= CONFIDENCE_STEP) changes.push({ field: 'confidence', from: state.diagnosis.confidence, to: diagnosis.confidence });
  }
  if (pattern && pattern !== state.pattern) changes.push({ field: 'pattern', from: state.pattern, to: pattern });
  const added = regions.filter((region) => !state.regions.includes(region));
  if (added.length > 0) changes.push({ field: 'regions', added });
  return changes;
}

/** A change people should hear about: another cause or hop, another shape, more regions, flapping starting. */
export function isMaterial(change: IncidentChange): boolean {
  if (change.field === 'flapping') return change.to;
  if (change.field === 'pattern') return change.to !== 'flapping';
  return MATERIAL.has(change.field);
}
