const LABELS: Record<string, string> = {
  up: '▲ Up', down: '▼ Down', degraded: '◆ Degraded', paused: '❚❚ Paused', maintenance: '⚙ Maintenance', unknown: '? Unknown',
  operational: '▲ Operational', outage: '▼ Outage', open: '▼ Open', resolved: '▲ Resolved',
};
const CLASSES: Record<string, string> = { operational: 'up', outage: 'down', open: 'down', resolved: 'up' };

/** A state in words and an icon beside its colour, so colour is never the only signal. */
export function StateBadge({ state }: { state: string }) {
  return <span className={`state state-${CLASSES[state] ?? state}`}>{LABELS[state] ?? state}</span>;
}
