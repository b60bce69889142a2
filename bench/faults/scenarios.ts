// The faults each scenario injects into a running installation (two schedulers, two workers).
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

export const SCENARIOS: Record<string, Scenario> = {
  'worker-kill': { name: 'worker SIGKILL mid-batch', inject: (run) => kill(run, 'worker') },
  'scheduler-kill': { name: 'scheduler SIGKILL (standby takes over)', inject: (run) => kill(run, 'scheduler') },
  'redis-restart': { name: 'Redis restart (empty)', inject: (run) => run.lab.redis.restart() },
  'redis-flush': { name: 'Redis FLUSHALL', inject: (run) => run.lab.redis.flushAll() },
  'postgres-30s': postgresDown(30),
  'postgres-5min': postgresDown(300),
};

export const PROFILES: Record<string, string[]> = {
  short: ['worker-kill', 'redis-restart'],
  full: ['worker-kill', 'scheduler-kill', 'redis-restart', 'redis-flush', 'postgres-30s', 'postgres-5min'],
};
