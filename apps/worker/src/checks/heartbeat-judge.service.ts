import { Injectable } from '@nestjs/common';
import { PushRepository } from '@hopwatch/db';
import { ChainRun, ENTRY_TARGET, judgeHeartbeat, ProbeResult } from '@hopwatch/domain';
import { CheckJob } from '@hopwatch/queue';

/** A push monitor's "probe": reads the pings its job sent and judges them against the period and grace time. */
@Injectable()
export class HeartbeatJudge {
  constructor(private readonly push: PushRepository) {}

  async run(job: CheckJob, now = new Date()): Promise<ChainRun> {
    const heartbeat = await this.push.heartbeatOf(job.siteId);
    const verdict = heartbeat
      ? judgeHeartbeat(heartbeat, now)
      : { ok: false, errorCode: 'UNKNOWN' as const, message: 'the site is no longer a push monitor' };
    const result: ProbeResult = {
      target: ENTRY_TARGET,
      kind: 'push',
      ok: verdict.ok,
      startedAt: now.toISOString(),
      status: null,
      errorCode: verdict.errorCode,
      errorMessage: verdict.message,
      timings: { dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 0 },
      remoteAddress: null,
      headers: {},
      bodySnippet: null,
      tls: null,
      dns: null,
    };
    return { siteId: job.siteId, region: job.region, slot: job.slot, results: [result], dnsDisagreement: false };
  }
}
