import { RepeatingTask } from './repeating-task';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
    await sleep(120);
    await task.stop();
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(most).toBe(1);
    expect(errors).toEqual(['second run fails']);
  });

  it('waits for the run in flight when stopped, and starts no other', async () => {
    let finished = 0;
    const task = new RepeatingTask(async () => {
      await sleep(40);
      finished++;
    }, 1, () => undefined);
    task.start();
    await sleep(10);
    await task.stop();
    expect(finished).toBe(1);
    expect(task.isStopped).toBe(true);
    await sleep(60);
    expect(finished).toBe(1);
  });
});
