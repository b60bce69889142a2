// The shapes an incident's failures can take (DESIGN §4 Incident.pattern).
export const PATTERNS = ['persistent', 'intermittent', 'flapping', 'regional'] as const;
export type Pattern = (typeof PATTERNS)[number];
