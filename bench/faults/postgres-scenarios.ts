// Postgres stopped for a while: checks must go on (scheduler from memory under its Redis lease, results buffered in
// Redis), so these scenarios fail on any MISSED slot, not only on lost or doubled ones.
import type { Scenario } from './scenarios';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function postgresDown(seconds: number): Scenario {
  return {
    name: `Postgres stopped ${seconds >= 60 ? `${seconds / 60} min` : `${seconds} s`}`,
    missesNoSlot: true,
    async inject(run) {
      await run.lab.postgres.stop();
      await sleep(seconds * 1000);
      await run.lab.postgres.start();
    },
  };
}
