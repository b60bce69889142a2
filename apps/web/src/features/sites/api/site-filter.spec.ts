import { describe, expect, it } from '@jest/globals';
import type { SiteOverviewItem } from '../../../lib/types';
import { filterSites } from './site-filter';

function site(name: string, state: SiteOverviewItem['state'], tags: string[] = []): SiteOverviewItem {
  return { id: name, name, url: `https://${name}.example.com/`, tags, regions: ['default'], intervalSeconds: 60, paused: state === 'paused', state, segments: [], uptime: { last24h: null, last30d: null }, p95Ms: null, openIncident: null };
}

const sites = [site('shop', 'up', ['prod']), site('blog', 'down', ['prod', 'eu']), site('Shop-EU', 'degraded', ['eu']), site('old', 'paused')];
const names = (filter: Partial<{ search: string; tag: string; state: string }>) => filterSites(sites, { search: '', tag: '', state: '', ...filter }).map((s) => s.name);

describe('filterSites', () => {
  it.each([
    { filter: {}, expected: ['blog', 'Shop-EU', 'shop', 'old'] },
    { filter: { search: 'SHOP' }, expected: ['Shop-EU', 'shop'] },
    { filter: { search: '  blog ' }, expected: ['blog'] },
    { filter: { tag: 'eu' }, expected: ['blog', 'Shop-EU'] },
    { filter: { state: 'paused' }, expected: ['old'] },
    { filter: { tag: 'prod', state: 'up' }, expected: ['shop'] },
    { filter: { search: 'nothing' }, expected: [] },
  ])('$filter → $expected (problems first, then by name)', ({ filter, expected }) => expect(names(filter)).toEqual(expected));
});
