import { RepeatingTask } from './repeating-task';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `done` holds, so a loaded machine's slow timers do not fail the test; rejects after `limitMs`. */
async function until(done: () => boolean, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${limitMs} ms`);
    await sleep(5);
  }
}

describe('RepeatingTask', () => {
  it('runs again after each run ends, never two at once, and keeps going after a failure', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const errors: string[] = [];
    const task = new RepeatingTask(
      async () => {
        runs++;
        active++;
        most = Math.max(most, active);
        await sleep(15);
        active--;
        if (runs === 2) throw new Error('second run fails');
      },
      5,
      (error) => errors.push(error.message),
    );
    task.start();
    await until(() => runs >= 4, 5_000);
    await task.stop();
    expect(most).toBe(1);
    expect(errors).toEqual(['second run fails']);
  });

  it('waits for the run in flight when stopped, and starts no other', async () => {
    let started = 0;
    let finished = 0;
    const task = new RepeatingTask(async () => {
      started++;
      await sleep(40);
      finished++;
    }, 1, () => undefined);
    task.start();
    await until(() => started === 1, 5_000);
    await task.stop();
    expect(finished).toBe(1);
    expect(task.isStopped).toBe(true);
    await sleep(60);
    expect([started, finished]).toEqual([1, 1]);
  });
});
