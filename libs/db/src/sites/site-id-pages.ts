import { DataSource } from 'typeorm';

const SITES_PAGE = `SELECT id FROM sites WHERE id > $1 ORDER BY id LIMIT $2`;

/**
 * Every site's id, a page at a time in id order (keyset, so a page costs the same however far in), for housekeeping
 * that must touch every site without one long statement. A site created meanwhile may or may not be met.
 */
export async function* siteIdPages(dataSource: DataSource, pageSize: number): AsyncGenerator<string[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page: Array<{ id: string }> = await dataSource.query(SITES_PAGE, [after, pageSize]);
    if (page.length === 0) return;
    const ids = page.map((site) => site.id);
    yield ids;
    after = ids[ids.length - 1];
  }
}
