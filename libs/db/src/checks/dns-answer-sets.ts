// Healthy resolver checks are stored by reference to a shared (host name, answers) set instead of their own jsonb
// (see the DnsAnswerSets migration); this files the sets a batch needs and remembers their ids.
import { DataSource } from 'typeorm';
import { NewCheckResult } from './check-result.types';

const INPUT = `unnest($1::text[], $2::jsonb[]) AS input(hostname, answers)`;

const INSERT_SETS = `
  INSERT INTO dns_answer_sets (hostname, answers)
  SELECT DISTINCT hostname, answers FROM ${INPUT} ORDER BY 1, 2
  ON CONFLICT (hostname, answers) DO NOTHING`;

// In a statement of its own, after the insert: it sees sets a concurrent writer committed meanwhile.
const SELECT_SETS = `
  SELECT answer_set.id, answer_set.hostname, answer_set.answers::text AS answers
    FROM dns_answer_sets AS answer_set JOIN (SELECT DISTINCT * FROM ${INPUT}) AS input USING (hostname, answers)`;

// Bounds the memory of sets known; past it the map starts over and looks up again what it meets.
const MAX_KNOWN_SETS = 200_000;

type AnswerSet = { hostname: string; answers: string; key: string };

/** The set a result can be stored under, or null when it keeps its own jsonb. */
function answerSetOf(result: NewCheckResult): AnswerSet | null {
  const dns = result.dns;
  if (!result.ok || result.kind !== 'dns' || dns === null || dns.rcode !== 'NOERROR' || dns.disagreement === true) return null;
  // The view rebuilds the resolver from the target: only a check of the resolver its target names qualifies.
  if (result.target !== `dns:${dns.resolver}`) return null;
  return answerSet(dns.hostname, JSON.stringify(dns.answers));
}

function answerSet(hostname: string, answers: string): AnswerSet {
  return { hostname, answers, key: `${hostname}\n${answers}` };
}

export class DnsAnswerSets {
  private readonly known = new Map<string, number>();

  constructor(private readonly dataSource: DataSource) {}

  /** Per result: the id of its set (filed if new), or null when it is not stored by reference. */
  async idsFor(results: NewCheckResult[]): Promise<Array<number | null>> {
    const sets = results.map(answerSetOf);
    const missing = sets.filter((set): set is AnswerSet => set !== null && !this.known.has(set.key));
    if (missing.length > 0) {
      const parameters = [missing.map((set) => set.hostname), missing.map((set) => set.answers)];
      await this.dataSource.query(INSERT_SETS, parameters);
      const found: Array<{ id: number; hostname: string; answers: string }> = await this.dataSource.query(SELECT_SETS, parameters);
      if (this.known.size + found.length > MAX_KNOWN_SETS) this.known.clear();
      for (const row of found) this.known.set(answerSet(row.hostname, JSON.stringify(JSON.parse(row.answers))).key, row.id);
    }
    return sets.map((set) => (set === null ? null : (this.known.get(set.key) ?? null)));
  }
}
