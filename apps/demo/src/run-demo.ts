// `npm run demo`: hopwatch, a real chain in front of an app the demo controls, and the causes one after another.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainGateway, ChainPorts } from './chain/chain-gateway';
import { DemoResolver, startDemoResolver } from './chain/demo-resolver';
import { startNginxChain } from './chain/nginx-chain';
import { startNodeChain } from './chain/node-chain';
import { DemoApp, startDemoApp } from './demo-app';
import { demoConfigYaml, DemoRegions, ENTRY_HOST } from './demo-config';
import { DemoDatabase } from './demo-database';
import { freePort } from './free-port';
import { cliPath, Started, startHopwatchProcess, stopProcess, waitUntilReady } from './hopwatch-processes';
import { watchIncidents } from './incident-watch';
import { Lab, Scenario, SCENARIOS } from './scenarios';

export type DemoOptions = { short: boolean; port: number | null; env: Readonly<Record<string, string | undefined>>; log: (line: string) => void };

const VPN_SOURCE = '127.0.0.2';
const PHASE_TIMEOUT_MS = 120_000;
// A healthy pause between causes, so the analyzer's recent window holds only the next cause's failures.
const CALM_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Demo {
  private readonly processes: Started[] = [];
  private readonly resolvers: DemoResolver[] = [];
  private gateway: ChainGateway | null = null;
  private app: DemoApp | null = null;
  private database: DemoDatabase | null = null;
  private stopping = false;

  constructor(private readonly options: DemoOptions) {}

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Runs the scenarios (the first two in short mode) and returns whether each was diagnosed right. */
  async run(): Promise<boolean> {
    const { short, log } = this.options;
    const directory = mkdtempSync(join(tmpdir(), 'hopwatch-demo-'));
    const ports: ChainPorts = { edge: await freePort(), proxy: await freePort(), app: await freePort() };
    const apiPort = this.options.port ?? (await freePort(short ? 0 : 3000));
    const key = `hw_demo_${randomBytes(16).toString('hex')}`;
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    const lab = await this.startChain(ports);
    // Short mode (CI) keeps to one region and literal addresses: fewer processes, the same first two causes.
    const regions: DemoRegions = short ? { names: ['default'], resolvers: [] } : { names: ['default', 'vpn'], resolvers: this.resolvers.map((resolver) => resolver.address) };
    this.database = new DemoDatabase(this.options.env);
    const env = this.childEnvironment(apiPort, key);
    const logFile = join(directory, 'hopwatch.log');
    const main = this.track(startHopwatchProcess('hopwatch', 'all-in-one', { ...env, ...(short ? {} : { HOPWATCH_RESOLVERS: regions.resolvers[0] }) }, logFile));
    if (!short) {
      const vpn = { ...env, HOPWATCH_REGION: 'vpn', HOPWATCH_SOURCE_ADDRESS: VPN_SOURCE, HOPWATCH_RESOLVERS: regions.resolvers[1] };
      this.track(startHopwatchProcess('worker (region vpn)', 'worker', vpn, logFile));
    }
    log(`started ${this.processes.map((started) => `${started.name} pid ${started.child.pid}`).join(', ')}; database ${this.database.name} (dropped on exit); their log: ${logFile}`);
    await waitUntilReady(baseUrl, main);
    const configFile = join(directory, 'hopwatch.yaml');
    writeFileSync(configFile, demoConfigYaml(ports, regions));
    this.applyConfig(configFile, baseUrl, key);
    log([
      'hopwatch is running:',
      `  dashboard: ${baseUrl}/`,
      `  API key:   ${key}`,
      `  config:    ${configFile} (applied with \`hopwatch apply\`)`,
      `  try:       HOPWATCH_URL=${baseUrl} HOPWATCH_KEY=${key} npx hopwatch incidents`,
      'Press Ctrl-C to stop everything the demo started.',
    ].join('\n'));
    return this.walk(short ? SCENARIOS.slice(0, 2) : SCENARIOS, baseUrl, key, lab);
  }

  private async startChain(ports: ChainPorts): Promise<Lab> {
    this.app = await startDemoApp(ports.app);
    this.gateway = installed('nginx') ? await startNginxChain(ports) : await startNodeChain(ports);
    const gatewayPids = this.gateway.pids();
    this.options.log(`chain: entry ${this.gateway.product} :${ports.edge} → proxy ${this.gateway.product} :${ports.proxy} → app :${ports.app} (${gatewayPids.length ? `nginx pids ${gatewayPids.join(' ')}` : 'in this process'})`);
    const [office, vpn] = [await startDemoResolver(ENTRY_HOST, '127.0.0.1'), await startDemoResolver(ENTRY_HOST, '127.0.0.1')];
    this.resolvers.push(office, vpn);
    return { app: this.app, gateway: this.gateway, wrongPort: await freePort(), blockedSource: VPN_SOURCE, vpnResolver: vpn };
  }

  private async walk(scenarios: Scenario[], baseUrl: string, key: string, lab: Lab): Promise<boolean> {
    const { log } = this.options;
    const watch = watchIncidents(baseUrl, key);
    const stopped = () => this.stopping;
    let allRight = true;
    for (const [index, scenario] of scenarios.entries()) {
      if (index > 0) await sleep(CALM_MS);
      if (this.stopping) return false;
      await scenario.breakChain(lab);
      log(`BROKE: ${scenario.name}: ${scenario.broke}`);
      const incident = await watch.nextIncident(scenario.expectedCause, PHASE_TIMEOUT_MS, stopped);
      const right = incident?.diagnosis.cause === scenario.expectedCause;
      allRight &&= right;
      if (incident) {
        const { diagnosis } = incident;
        log(`${right ? 'DIAGNOSED' : 'MISDIAGNOSED'}: ${diagnosis.cause} (expected ${scenario.expectedCause}), failing hop ${diagnosis.failingHop ?? '-'}, gateway ${diagnosis.gateway}, regions ${incident.regions.join(',')}: ${diagnosis.summary}`);
      } else if (!this.stopping) log(`NO INCIDENT within ${PHASE_TIMEOUT_MS / 1000} s for ${scenario.name}`);
      if (this.stopping) return false;
      await scenario.heal(lab);
      log(`HEALED: ${scenario.name}; waiting for the incident to resolve`);
      if (incident) await watch.waitResolved(incident.id, PHASE_TIMEOUT_MS, stopped);
    }
    return allRight;
  }

  private applyConfig(configFile: string, baseUrl: string, key: string): void {
    const result = spawnSync(process.execPath, [cliPath(), 'apply', '-f', configFile, '--no-color'], {
      env: { ...this.options.env, HOPWATCH_URL: baseUrl, HOPWATCH_KEY: key },
      encoding: 'utf8',
    });
    this.options.log(`hopwatch apply -f ${configFile}\n${result.stdout.trimEnd()}`);
    if (result.status !== 0) throw new Error(`hopwatch apply failed (${result.status}): ${result.stderr}`);
  }

  private childEnvironment(port: number, key: string): Record<string, string | undefined> {
    return {
      ...this.options.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: this.database!.url,
      HOPWATCH_REDIS_PREFIX: `hopwatch-demo-${randomBytes(4).toString('hex')}`,
      HOPWATCH_ADMIN_KEY: key,
      // A key of the run's own, so the demo writes no key file into the checkout.
      HOPWATCH_SECRET_KEY: randomBytes(32).toString('base64'),
      HOPWATCH_TARGET_ALLOW: '127.0.0.0/8',
      HOPWATCH_PUBLIC_URL: `http://127.0.0.1:${port}`,
      // A healed chain must resolve the incident at once, so the next cause opens a new one.
      HOPWATCH_RESOLVE_QUIET_SECONDS: '0',
      HOPWATCH_REGION: 'default',
      LOG_LEVEL: 'warn',
    };
  }

  private track(started: Started): Started {
    this.processes.push(started);
    return started;
  }

  /** Stops everything the demo started; safe to call more than once. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    await Promise.all(this.processes.map(stopProcess));
    await this.gateway?.stop();
    await this.app?.stop();
    await Promise.all(this.resolvers.map((resolver) => resolver.stop()));
    await this.database?.drop();
  }
}

function installed(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}
