// Row counts of every table of a test database, to prove a refused request wrote nothing.
import { DataSource } from 'typeorm';

export async function tableCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
  );
  const counts: { name: string; rows: number }[] = await dataSource.query(
    tables.map(({ name }) => `SELECT '${name}' AS name, count(*)::int AS rows FROM "${name}"`).join(' UNION ALL '),
  );
  return Object.fromEntries(counts.map(({ name, rows }) => [name, rows]));
}
