import type { ObservedResult, ProbeResult, TargetPolicy } from '@hopwatch/domain';
import type { HopwatchConfig } from '@hopwatch/platform';
import { dnsAnswer, ok, pageFrom, T0_SLOT } from '../../../../libs/domain/test-support/builders';
import { ChainRunner } from './chain-runner.service';
import type { HeartbeatJudge } from './heartbeat-judge.service';

const runner = new ChainRunner({ sourceAddress: null, resolvers: [] } as unknown as HopwatchConfig, {} as TargetPolicy, {} as HeartbeatJudge);

/** What a probe returns: an observation without the id, region and slot the store gives it. */
function probed({ id: _id, region: _region, slot: _slot, ...result }: ObservedResult): ProbeResult {
  return result;
}

describe('ChainRunner.toRows', () => {
  it("keeps every field of each result, adds the run's site, region and slot, and names the gateway of an error page", () => {
    const results = [pageFrom('entry', 'nginx-502-refused'), ok('proxy', { headers: { server: 'nginx' } }), dnsAnswer('1.1.1.1', ['203.0.113.10'])].map(probed);
    const rows = runner.toRows({ siteId: 'site-1', region: 'eu', slot: T0_SLOT, results, dnsDisagreement: true });
    const run = { siteId: 'site-1', region: 'eu', slot: T0_SLOT };
    expect(rows).toEqual([
      { ...results[0], ...run, gateway: 'nginx' },
      { ...results[1], ...run, gateway: null },
      { ...results[2], ...run, gateway: null, dns: { ...results[2].dns, disagreement: true } },
    ]);
  });
});
