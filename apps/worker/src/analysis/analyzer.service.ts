import { Inject, Injectable, Logger } from '@nestjs/common';
import { AnalysisInputs, AnalysisRepository, IncidentWrite, toChainSpec, UnitOfWork } from '@hopwatch/db';
import { classify, DetectionOptions, detectionOptions, detectPattern, entryOutcomeOf, EntryOutcome, incidentTransition, ObservedRun, SiteDetection } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { incidentsChanged } from '../worker.metrics';
import { toIncidentState, toIncidentWrite } from './incident-mapping';
import { runsByRegion } from './observed-runs';

// Enough history for the rate rule (10 checks), confirmations and recoveries, and an overload baseline.
const WINDOW_CHECKS = 20;
const MIN_WINDOW_SECONDS = 120;

/** After a run is stored: look at the site's recent window, then open, refine or resolve its incident. */
@Injectable()
export class AnalyzerService {
  private readonly logger = new Logger(AnalyzerService.name);

  constructor(
    private readonly analysis: AnalysisRepository,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** A healthy entry with no open incident has nothing to decide; this keeps the common case to one index probe. */
  async afterRun(siteId: string, intervalSeconds: number, entryOk: boolean): Promise<void> {
    if (entryOk && !(await this.analysis.hasOpenIncident(siteId))) return;
    await this.analyze(siteId, intervalSeconds);
  }

  async analyze(siteId: string, intervalSeconds: number, now = new Date()): Promise<void> {
    const since = new Date(now.getTime() - Math.max(WINDOW_CHECKS * intervalSeconds, MIN_WINDOW_SECONDS) * 1000);
    const outcome = await this.decideAndWrite(siteId, since, now);
    if (outcome) {
      const kinds = outcome.write.timeline.map((entry) => entry.kind).join(', ');
      this.logger.log({ site: outcome.siteName, siteId, incidentId: outcome.incidentId, cause: outcome.write.fields.cause }, `incident ${kinds} on ${outcome.siteName}`);
      for (const entry of outcome.write.timeline) incidentsChanged.inc({ kind: entry.kind });
    }
  }

  /**
   * Loads the site's window, decides (pure) and writes the answer in one transaction under the site's lock:
   * the incident, its timeline and its outbox events land together or not at all.
   */
  private decideAndWrite(siteId: string, since: Date, now: Date): Promise<{ incidentId: string; write: IncidentWrite; siteName: string } | null> {
    return this.unitOfWork.run(async (tx) => {
      await this.analysis.lockSite(tx, siteId);
      const inputs = await this.analysis.inputs(tx, siteId, since);
      const write = inputs && this.decide(inputs, now);
      if (!write) return null;
      return { incidentId: await this.analysis.persist(tx, siteId, write), write, siteName: inputs.site.name };
    });
  }

  decide({ site, results, latest }: AnalysisInputs, now: Date): IncidentWrite | null {
    const runs = runsByRegion(site.id, results);
    const outcomes: Record<string, EntryOutcome[]> = {};
    for (const [region, regionRuns] of runs) {
      outcomes[region] = regionRuns.map((run) => entryOutcomeOf(run)).filter((outcome): outcome is EntryOutcome => outcome !== null);
    }
    const state = latest ? toIncidentState(latest) : null;
    const options = detectionOptions({ confirmations: site.confirmations, recoveries: site.recoveries, ...siteOverrides(site.detection) });
    const pattern = detectPattern({ outcomes, flips: state?.flips ?? [], now, options });
    const troubled = pattern.shouldOpen || pattern.affectedRegions.length > 0;
    const diagnosis = troubled ? classify({ layout: toChainSpec(site), runs: runsToClassify(runs), pattern }) : null;
    const transition = incidentTransition(
      state,
      { shouldOpen: pattern.shouldOpen, shouldResolve: pattern.shouldResolve, pattern: pattern.pattern, affectedRegions: pattern.affectedRegions, diagnosis },
      now,
      { flapLimit: options.flapLimit, flapWindowMs: options.flapWindowMs, reopenWithinMs: this.config.resolveQuietSeconds * 1000 },
    );
    return toIncidentWrite(transition, latest, countsOf(outcomes), now);
  }
}

/** Each region's latest run, plus its latest failing run when the latest one passed (DESIGN: evidence of the failure). */
function runsToClassify(runs: Map<string, ObservedRun[]>): ObservedRun[] {
  const chosen: ObservedRun[] = [];
  for (const regionRuns of runs.values()) {
    const latest = regionRuns[regionRuns.length - 1];
    if (!latest) continue;
    chosen.push(latest);
    const entryOk = (run: ObservedRun) => run.results.find((result) => result.target === 'entry')?.ok !== false;
    if (entryOk(latest)) {
      const failing = [...regionRuns].reverse().find((run) => !entryOk(run));
      if (failing) chosen.push(failing);
    }
  }
  return chosen;
}

function siteOverrides(detection: SiteDetection): Partial<DetectionOptions> {
  const { rateWindow, rateThreshold, flapLimit, flapWindowMinutes } = detection;
  return { rateWindow, rateThreshold, flapLimit, flapWindowMs: flapWindowMinutes === undefined ? undefined : flapWindowMinutes * 60_000 };
}

function countsOf(outcomes: Record<string, EntryOutcome[]>) {
  const all = Object.values(outcomes).flat();
  return { checks: all.length, failedChecks: all.filter((outcome) => !outcome.ok).length };
}
