// Parses expectations such as "200-399", "200,204", "2xx" or "200-299,301" into a predicate.
export type StatusRange = { from: number; to: number };

export function parseExpectStatus(spec: string): StatusRange[] | null {
  const parts = spec.split(',').map((part) => part.trim());
  if (parts.length === 0 || parts.some((part) => part === '')) return null;
  const ranges: StatusRange[] = [];
  for (const part of parts) {
    const range = parsePart(part);
    if (!range) return null;
    ranges.push(range);
  }
  return ranges;
}

function parsePart(part: string): StatusRange | null {
  const family = /^([1-5])xx$/i.exec(part);
  if (family) return { from: Number(family[1]) * 100, to: Number(family[1]) * 100 + 99 };
  const span = /^(\d{3})(?:-(\d{3}))?$/.exec(part);
  if (!span) return null;
  const from = Number(span[1]);
  const to = span[2] === undefined ? from : Number(span[2]);
  if (from < 100 || to > 599 || from > to) return null;
  return { from, to };
}

export function statusMatches(status: number, ranges: StatusRange[]): boolean {
  return ranges.some((range) => status >= range.from && status <= range.to);
}
