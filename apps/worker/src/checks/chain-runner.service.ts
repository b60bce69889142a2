import { Inject, Injectable } from '@nestjs/common';
import { NewCheckResult } from '@hopwatch/db';
import { ChainRun, fingerprintGateway, ProbeResult, TargetPolicy } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { probeChain, ProbeEnvironment } from '@hopwatch/probes';
import { CheckJob } from '@hopwatch/queue';
import { TARGET_POLICY } from '@hopwatch/runtime';
import { HeartbeatJudge } from './heartbeat-judge.service';

/** Probes one job's chain from this worker's region (or judges a push monitor's pings) and shapes the results for the writer. */
@Injectable()
export class ChainRunner {
  private readonly environment: ProbeEnvironment;

  constructor(
    @Inject(HOPWATCH_CONFIG) config: HopwatchConfig,
    @Inject(TARGET_POLICY) policy: TargetPolicy,
    private readonly heartbeats: HeartbeatJudge,
  ) {
    this.environment = {
      policy,
      sourceAddress: config.sourceAddress,
      resolvers: config.resolvers,
    };
  }

  run(job: CheckJob): Promise<ChainRun> {
    const { entry } = job.spec;
    if (entry.kind === 'push') return this.heartbeats.run(job);
    return probeChain({ ...job.spec, entry }, this.environment, { siteId: job.siteId, region: job.region, slot: job.slot });
  }

  toRows(run: ChainRun): NewCheckResult[] {
    return run.results.map((result) => ({
      ...result,
      dns: result.dns && { ...result.dns, disagreement: run.dnsDisagreement },
      siteId: run.siteId,
      region: run.region,
      slot: run.slot,
      gateway: gatewayOf(result),
    }));
  }
}

/** Which product wrote an error answer (only error answers carry a gateway's page). */
function gatewayOf(result: ProbeResult): string | null {
  if (result.status === null || result.status < 400) return null;
  return fingerprintGateway({ status: result.status, headers: result.headers, bodySnippet: result.bodySnippet }).gateway;
}
