export interface StripSegment { label: string; worst: string | null }

const WORDS: Record<string, string> = { up: 'up', down: 'down', degraded: 'degraded', maintenance: 'maintenance' };

/**
 * The strip people know from status pages: one small segment per period, coloured by its worst result.
 * Each segment carries its words as a tooltip; the strip as a whole is summarised for screen readers.
 */
export function StatusStrip({ segments, label, className = 'strip' }: { segments: StripSegment[]; label: string; className?: string }) {
  const down = segments.filter((s) => s.worst === 'down').length;
  const degraded = segments.filter((s) => s.worst === 'degraded').length;
  const summary = `${label}: ${segments.length} periods, ${down} with failures, ${degraded} degraded`;
  return (
    <div className={className} role="img" aria-label={summary}>
      {segments.map((segment, index) => (
        <span key={index} className={segment.worst ? `seg-${segment.worst}` : undefined} title={`${segment.label}: ${segment.worst ? WORDS[segment.worst] ?? segment.worst : 'no checks'}`} />
      ))}
    </div>
  );
}
