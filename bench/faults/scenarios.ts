// The faults each scenario injects into a running installation (two schedulers, two workers), alerting through the
// alert lab's webhook receiver and SMTP sink.
import { RETRY_TIME_SCALE } from './alert-lab';
import { ScenarioRun } from './fault-lab';
import { postgresDown } from './postgres-scenarios';

/** `missesNoSlot`: the fault must not cost a single slot, so a MISSED one fails the run too. */
export type Scenario = { name: string; missesNoSlot?: boolean; inject(run: ScenarioRun): Promise<unknown> };

function kill(run: ScenarioRun, role: 'worker' | 'scheduler'): Promise<unknown> {
  const victim = run.processes.find((entry) => entry.role === role && entry.process.child.exitCode === null);
  if (!victim) throw new Error(`no running ${role} to kill`);
  victim.process.child.kill('SIGKILL');
  return victim.process.exited();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A receiver away for an hour, compressed with the retry schedule (HOPWATCH_ALERT_RETRY_*_MS) by the same factor. */
function receiverDownAnHour(name: string, receiver: (run: ScenarioRun) => { stop(): Promise<void>; start(): Promise<void> }): Scenario {
  return {
    name: `${name} down 1 h (at 1/${RETRY_TIME_SCALE})`,
    async inject(run) {
      await receiver(run).stop();
      await sleep(3_600_000 / RETRY_TIME_SCALE);
      await receiver(run).start();
    },
  };
}

export const SCENARIOS: Record<string, Scenario> = {
  'worker-kill': { name: 'worker SIGKILL mid-batch', inject: (run) => kill(run, 'worker') },
  'scheduler-kill': { name: 'scheduler SIGKILL (standby takes over)', inject: (run) => kill(run, 'scheduler') },
  'redis-restart': { name: 'Redis restart (empty)', inject: (run) => run.lab.redis.restart() },
  'redis-flush': { name: 'Redis FLUSHALL', inject: (run) => run.lab.redis.flushAll() },
  'postgres-30s': postgresDown(30),
  'postgres-5min': postgresDown(300),
  'webhook-down': receiverDownAnHour('webhook receiver', (run) => run.lab.alerts.receiver),
  'smtp-down': receiverDownAnHour('SMTP server', (run) => run.lab.alerts.sink),
};

export const PROFILES: Record<string, string[]> = {
  short: ['worker-kill', 'redis-restart', 'webhook-down'],
  full: ['worker-kill', 'scheduler-kill', 'redis-restart', 'redis-flush', 'postgres-30s', 'postgres-5min', 'webhook-down', 'smtp-down'],
};
