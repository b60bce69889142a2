import { Inject, Injectable, Logger } from '@nestjs/common';
import { AnalysisInputs, AnalysisRepository, IncidentWrite, toChainSpec, UnitOfWork } from '@hopwatch/db';
import {
  classify,
  DetectionOptions,
  detectionOptions,
  detectPattern,
  entryOutcomeOf,
  EntryOutcome,
  EpisodeEnds,
  incidentTransition,
  ObservedRun,
  sharedHopKeys,
  SiteDetection,
  withEpisodeEvidence,
} from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { incidentsChanged } from '../worker.metrics';
import { toIncidentState, toIncidentWrite } from './incident-mapping';
import { runsByRegion, storedObservations, withRun } from './observed-runs';
import { OpenIncidentLookup } from './open-incident-lookup';
import { followRoot } from './root-follow-up';

// Enough history for the rate rule (10 checks), confirmations and recoveries, and an overload baseline.
const WINDOW_CHECKS = 20;
const MIN_WINDOW_SECONDS = 120;

/** What an analysis changed, for the live pages: one timeline word per change (`updated` when only the facts moved). */
export type IncidentChange = { incidentId: string; siteId: string; status: 'open' | 'resolved'; kinds: string[] };

/** After a run is stored: look at the site's recent window, then open, refine or resolve its incident. */
@Injectable()
export class AnalyzerService {
  private readonly logger = new Logger(AnalyzerService.name);
  private readonly openIncidents: OpenIncidentLookup;

  constructor(
    private readonly analysis: AnalysisRepository,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
    private readonly unitOfWork: UnitOfWork,
  ) {
    this.openIncidents = new OpenIncidentLookup(analysis);
  }

  /**
   * A healthy entry with no open incident has nothing to decide; this keeps the common case to one index probe,
   * asked together with the other checks finishing at the same moment.
   * `run` is the run just stored, when the worker holds it as stored: only the rest of the window is read back.
   */
  async afterRun(siteId: string, intervalSeconds: number, entryOk: boolean, run: ObservedRun | null = null): Promise<IncidentChange | null> {
    if (entryOk && !(await this.openIncidents.has(siteId))) return null;
    return this.analyze(siteId, intervalSeconds, new Date(), run);
  }

  async analyze(siteId: string, intervalSeconds: number, now = new Date(), run: ObservedRun | null = null): Promise<IncidentChange | null> {
    const since = new Date(now.getTime() - Math.max(WINDOW_CHECKS * intervalSeconds, MIN_WINDOW_SECONDS) * 1000);
    const current = run && run.slot * 1000 >= since.getTime() ? run : null;
    const outcome = await this.decideAndWrite(siteId, since, now, current);
    if (outcome) {
      const described = outcome.write.timeline.map((entry) => entry.kind).join(', ');
      this.logger.log({ site: outcome.siteName, siteId, incidentId: outcome.incidentId, cause: outcome.write.fields.cause }, `incident ${described} on ${outcome.siteName}`);
      for (const entry of outcome.write.timeline) incidentsChanged.inc({ kind: entry.kind });
      const kinds = outcome.write.timeline.map((entry) => entry.kind);
      return { incidentId: outcome.incidentId, siteId, status: outcome.write.fields.status, kinds: kinds.length ? kinds : ['updated'] };
    }
    return null;
  }

  /**
   * Loads the site's window, decides (pure) and writes the answer in one transaction under the site's lock:
   * the incident, its timeline and its outbox events land together or not at all.
   */
  private decideAndWrite(
    siteId: string,
    since: Date,
    now: Date,
    current: ObservedRun | null,
  ): Promise<{ incidentId: string; write: IncidentWrite; siteName: string } | null> {
    return this.unitOfWork.run(async (tx) => {
      await this.analysis.lockSite(tx, siteId);
      const inputs = await this.analysis.inputs(tx, siteId, since, current);
      const write = inputs && this.decide(inputs, now, current);
      if (!write) return null;
      const incidentId = await this.analysis.persist(tx, siteId, write);
      if (inputs.latest?.rootIncidentId) await followRoot(this.analysis, tx, { member: inputs.latest, write, now });
      return { incidentId, write, siteName: inputs.site.name };
    });
  }

  /** `current`: a run the caller holds that `results` leave out. */
  decide({ site, results, latest, members }: AnalysisInputs, now: Date, current: ObservedRun | null = null): IncidentWrite | null {
    const runs = runsByRegion(site.id, withRun(storedObservations(results), current));
    const outcomes: Record<string, EntryOutcome[]> = {};
    for (const [region, regionRuns] of runs) {
      outcomes[region] = regionRuns.map((run) => entryOutcomeOf(run)).filter((outcome): outcome is EntryOutcome => outcome !== null);
    }
    const state = latest ? toIncidentState(latest) : null;
    const options = detectionOptions({ confirmations: site.confirmations, recoveries: site.recoveries, ...siteOverrides(site.detection) });
    const pattern = detectPattern({ outcomes, flips: state?.flips ?? [], now, options });
    const troubled = pattern.shouldOpen || pattern.affectedRegions.length > 0;
    const classified = troubled ? classify({ layout: toChainSpec(site), runs: runsToClassify(runs), pattern }) : null;
    const diagnosis = classified && withEpisodeEvidence(classified, episodeEnds(runs, pattern.onset));
    const transition = incidentTransition(
      state,
      {
        shouldOpen: pattern.shouldOpen,
        shouldResolve: pattern.shouldResolve,
        pattern: pattern.pattern,
        affectedRegions: pattern.affectedRegions,
        diagnosis,
        onset: pattern.onset,
        failureRate: pattern.failureRate,
        window: pattern.window,
        openMembers: members.open,
      },
      now,
      { flapLimit: options.flapLimit, flapWindowMs: options.flapWindowMs, reopenWithinMs: this.config.resolveQuietSeconds * 1000 },
    );
    const layout = toChainSpec(site);
    const keys = diagnosis ? sharedHopKeys(layout, diagnosis.failingHop, reachedAt(runs, diagnosis.failingHop), failedAnswer(runs)) : latest?.sharedHopKeys ?? [];
    return toIncidentWrite(transition, latest, countsOf(outcomes), now, keys, members);
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

/** The entry result of the episode's first failed check, and the newest entry result of any region. */
function episodeEnds(runs: Map<string, ObservedRun[]>, onset: Date | null): EpisodeEnds {
  const entries = [...runs.values()].flat().flatMap((run) => run.results.filter((result) => result.target === 'entry'));
  const onsetSlot = onset ? onset.getTime() / 1000 : null;
  const first = entries.find((result) => !result.ok && result.slot === onsetSlot) ?? null;
  const latest = entries.reduce<(typeof entries)[number] | null>((newest, result) => (!newest || result.slot > newest.slot ? result : newest), null);
  return { first, latest };
}

/** The address the failing hop was last reached at, from the newest run that reached it. */
function reachedAt(runs: Map<string, ObservedRun[]>, target: string | null): string | null {
  if (!target) return null;
  const results = [...runs.values()].flat().sort((a, b) => b.slot - a.slot).flatMap((run) => run.results.filter((result) => result.target === target));
  return results.find((result) => result.remoteAddress !== null)?.remoteAddress ?? null;
}

/** What the newest failed entry check got: its status, or its error code when it got no answer. */
function failedAnswer(runs: Map<string, ObservedRun[]>): string | null {
  const failed = [...runs.values()].flat().sort((a, b) => b.slot - a.slot).flatMap((run) => run.results.filter((result) => result.target === 'entry' && !result.ok));
  const [newest] = failed;
  return newest ? (newest.status !== null ? String(newest.status) : newest.errorCode) : null;
}

function siteOverrides(detection: SiteDetection): Partial<DetectionOptions> {
  const { rateWindow, rateThreshold, flapLimit, flapWindowMinutes } = detection;
  return { rateWindow, rateThreshold, flapLimit, flapWindowMs: flapWindowMinutes === undefined ? undefined : flapWindowMinutes * 60_000 };
}

function countsOf(outcomes: Record<string, EntryOutcome[]>) {
  const all = Object.values(outcomes).flat();
  return { checks: all.length, failedChecks: all.filter((outcome) => !outcome.ok).length };
}
