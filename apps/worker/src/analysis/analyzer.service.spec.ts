import 'reflect-metadata';
import { AnalysisRepository, CheckResultEntity, NO_MEMBERS, SiteEntity, UnitOfWork } from '@hopwatch/db';
import { loadConfig } from '@hopwatch/platform';
import { AnalyzerService } from './analyzer.service';

const NOW = new Date('2026-01-01T12:00:00Z');
const INTERVAL = 60;

function aSite(detection: SiteEntity['detection'] = {}): SiteEntity {
  return Object.assign(new SiteEntity(), {
    id: 'site-1', url: 'http://shop.test/', method: 'GET', expectStatus: '200-399', bodyContains: null, timeoutMs: 5000,
    intervalSeconds: INTERVAL, dnsResolvers: [], hops: [], confirmations: 2, recoveries: 2, detection,
    pushPeriodSeconds: null, pushGraceSeconds: null, dnsRecordType: null, dnsExpect: null,
  });
}

/** Entry results, oldest first: 'o' answered 200, '5' answered 502. */
function entryResults(picture: string): CheckResultEntity[] {
  return [...picture].map((mark, index) =>
    Object.assign(new CheckResultEntity(), {
      id: String(index + 1), siteId: 'site-1', target: 'entry', kind: 'http', region: 'default',
      slot: new Date(NOW.getTime() - (picture.length - index) * INTERVAL * 1000), startedAt: NOW,
      ok: mark === 'o', status: mark === 'o' ? 200 : 502, errorCode: mark === 'o' ? null : 'STATUS_MISMATCH', errorMessage: null,
      dnsMs: null, connectMs: 1, tlsMs: null, ttfbMs: 2, totalMs: 3, remoteAddress: '10.0.0.1', headers: {}, bodySnippet: null, tls: null, dns: null, gateway: null,
    }),
  );
}

describe('AnalyzerService.decide', () => {
  const analyzer = new AnalyzerService({} as AnalysisRepository, loadConfig({}), {} as UnitOfWork);

  it('opens on sporadic 502s by the default rate rule (2 of the last 10)', () => {
    const write = analyzer.decide({ site: aSite(), results: entryResults('oooo5ooo5o'), latest: null, members: NO_MEMBERS }, NOW);
    expect(write).toMatchObject({ incidentId: null, events: ['incident.opened'], fields: { status: 'open', pattern: 'intermittent' } });
  });

  it("follows the site's own rate rule when it overrides the default", () => {
    const write = analyzer.decide({ site: aSite({ rateWindow: 10, rateThreshold: 0.5 }), results: entryResults('oooo5ooo5o'), latest: null, members: NO_MEMBERS }, NOW);
    expect(write).toBeNull();
  });

  it('starts the incident at the first failed check and confirms it when the rule fires', () => {
    const write = analyzer.decide({ site: aSite(), results: entryResults('ooooooo555'), latest: null, members: NO_MEMBERS }, NOW);
    expect(write?.fields).toMatchObject({
      pattern: 'persistent',
      startedAt: new Date(NOW.getTime() - 3 * INTERVAL * 1000),
      confirmedAt: NOW,
      failureRate: { failures: 3, checks: 3, rate: 1 },
      observedWindow: { checks: 3 },
    });
    const evidence = write!.fields.diagnosis.evidence;
    expect(evidence[0]).toEqual({ observation: expect.stringMatching(/^first failed check, .*entry \(default\) answered 502/), resultIds: ['8'] });
    expect(evidence.flatMap((item) => item.resultIds)).toContain('10');
  });

  it('calls an origin failing a third of its checks intermittent although its last two failed', () => {
    const write = analyzer.decide({ site: aSite(), results: entryResults('oo5oo5o5o55'), latest: null, members: NO_MEMBERS }, NOW);
    expect(write?.fields).toMatchObject({ pattern: 'intermittent', failureRate: { failures: 5, checks: 9 }, startedAt: new Date(NOW.getTime() - 9 * INTERVAL * 1000) });
  });

  it('keys an entry failure by the address it was reached at and the answer, so sites sharing that host can group', () => {
    const write = analyzer.decide({ site: aSite(), results: entryResults('ooooooo555'), latest: null, members: NO_MEMBERS }, NOW);
    expect(write?.fields).toMatchObject({ failingHop: 'entry', sharedHopKeys: ['entry:10.0.0.1:80#502'] });
  });

  it('opens nothing for a healthy site', () => {
    expect(analyzer.decide({ site: aSite(), results: entryResults('oooooooooo'), latest: null, members: NO_MEMBERS }, NOW)).toBeNull();
  });
});
