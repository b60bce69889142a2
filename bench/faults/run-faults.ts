// `npm run faults [-- --profile short|full|scenario,scenario] [--sites N] [--interval S]`: real processes on a private Postgres and
// Redis, one fault per scenario, and a checker comparing every slot the run had to store with what Postgres holds, and
// every notice the run's incidents had to send with what the webhook receiver and the SMTP sink accepted.
// Prints one table; exits non-zero when any slot or alert was lost or doubled.
import 'reflect-metadata';
import { slotLedger } from '@hopwatch/domain';
import { AlertCheck, checkAlerts, settleAlerts } from './alert-checker';
import { openFaultLab, ScenarioRun } from './fault-lab';
import { PROFILES, Scenario, SCENARIOS } from './scenarios';

type Options = { profile: string; sites: number; interval: number };
type Row = { scenario: string; missesNoSlot: boolean; expected: number; stored: number; missed: number; lost: number; duplicates: number; recoverSeconds: number | null; alerts: AlertCheck };

// Long enough for a killed worker's jobs to be taken over (1.5 × the 10 s job lock) and two more intervals to run.
const TAKEOVER_MS = 15_000;
// Open incidents resolving (two healthy checks and the quiet period), a retry at the compressed ceiling (36 s), the
// relay's sweep of deliveries whose job Redis lost (every 30 s), and a flapping incident held open until its flips
// leave the 5-minute flap window after a long fault all fit in this. A settled run stops waiting at once.
const ALERT_SETTLE_MS = 420_000;
const log = (message: string) => process.stderr.write(`[faults] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function parseOptions(argv: string[]): Options {
  const options: Options = { profile: 'full', sites: 40, interval: 10 };
  for (let index = 0; index < argv.length; index += 2) {
    const key = argv[index].replace(/^--/, '');
    const value = argv[index + 1];
    if (key === 'profile' && (value in PROFILES || (value ?? '').split(',').every((name) => name in SCENARIOS))) options.profile = value;
    else if ((key === 'sites' || key === 'interval') && /^\d+$/.test(value ?? '') && Number(value) > 0) options[key] = Number(value);
    else throw new Error(`bad option ${argv[index]} ${value ?? ''} (use --profile ${Object.keys(PROFILES).join('|')} or scenarios such as ${Object.keys(SCENARIOS).slice(0, 2).join(',')}, --sites N --interval S)`);
  }
  return options;
}

async function runScenario(scenario: Scenario, options: Options, lab: Awaited<ReturnType<typeof openFaultLab>>): Promise<Row> {
  const run = await ScenarioRun.prepare(lab);
  try {
    lab.alerts.flap();
    for (const role of ['scheduler', 'scheduler', 'worker', 'worker'] as const) await run.start(role);
    await run.seed(options.sites, options.interval);
    await sleep(2 * options.interval * 1000 + 3_000);
    log(`${scenario.name}: injecting`);
    await scenario.inject(run);
    const faultEnd = Date.now();
    await sleep(TAKEOVER_MS + 2 * options.interval * 1000);
    const end = Date.now();
    const stored = await run.storedSlots();
    // Slots due before this had time to run even after a takeover; later ones may still be in flight.
    const lastSlot = Math.floor((end - TAKEOVER_MS) / 1000) - options.interval;
    const ledger = slotLedger(run.sites, stored, lastSlot);
    const recover = recoverSeconds(run, stored, faultEnd);
    lab.alerts.steady();
    const unsettled = await settleAlerts(run.databaseUrl, ALERT_SETTLE_MS);
    for (const line of unsettled) log(`${scenario.name}: still open after ${ALERT_SETTLE_MS / 1000} s: ${line}`);
    const alerts = await checkAlerts(run.databaseUrl, lab.alerts, run.channels);
    log(`${scenario.name}: alerts ${JSON.stringify(alerts)}`);
    return { scenario: scenario.name, missesNoSlot: scenario.missesNoSlot === true, ...ledger, recoverSeconds: recover, alerts };
  } finally {
    await run.stop();
  }
}

/** Seconds from the end of the fault until every site had a good result started after it. */
function recoverSeconds(run: ScenarioRun, stored: Array<{ siteId: string; ok: boolean; startedAt: number }>, faultEnd: number): number | null {
  let latest = faultEnd;
  for (const site of run.sites.filter((candidate) => !run.flappingSiteIds.has(candidate.siteId))) {
    const first = stored.filter((row) => row.siteId === site.siteId && row.ok && row.startedAt >= faultEnd).map((row) => row.startedAt);
    if (first.length === 0) return null;
    latest = Math.max(latest, Math.min(...first));
  }
  return Math.round((latest - faultEnd) / 100) / 10;
}

function printTable(rows: Row[]): void {
  const header = ['scenario', 'expected', 'stored', 'missed', 'lost', 'duplicates', 'alerts exp/deliv/doubled', 'time to recover'];
  const cells = rows.map((row) => [
    row.scenario,
    String(row.expected),
    String(row.stored),
    String(row.missed),
    String(row.lost),
    String(row.duplicates),
    `${row.alerts.expected}/${row.alerts.delivered}/${row.alerts.doubled}`,
    row.recoverSeconds === null ? 'did not recover' : `${row.recoverSeconds} s`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  const format = (line: string[]) => `| ${line.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  process.stdout.write([format(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...cells.map(format), ''].join('\n'));
}

/** Every notice delivered once on each channel, and nothing left open or pending that could still change that. */
function alertsSound(alerts: AlertCheck): boolean {
  const unsettled = alerts.openIncidents + alerts.undispatchedEvents + alerts.pendingDeliveries;
  return alerts.expected > 0 && alerts.lost === 0 && alerts.doubled === 0 && unsettled === 0;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  log(`profile ${options.profile}: ${options.sites} sites every ${options.interval} s, two schedulers, two workers`);
  const lab = await openFaultLab();
  const rows: Row[] = [];
  try {
    for (const key of PROFILES[options.profile] ?? options.profile.split(',')) rows.push(await runScenario(SCENARIOS[key], options, lab));
  } finally {
    await lab.close();
  }
  printTable(rows);
  const broken = rows.filter((row) => row.lost > 0 || row.duplicates > 0 || row.recoverSeconds === null || (row.missesNoSlot && row.missed > 0) || !alertsSound(row.alerts));
  if (broken.length > 0) {
    process.stderr.write(`[faults] FAILED: ${broken.map((row) => row.scenario).join(', ')} lost or doubled a slot or an alert, missed a slot it must not, or did not recover\n`);
    process.exit(1);
  }
}

main().catch((error: Error) => {
  process.stderr.write(`[faults] ${error.stack ?? error.message}\n`);
  process.exit(1);
});
