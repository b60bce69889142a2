import { ProbeSlots } from './probe-slots';

type Gate = { promise: Promise<void>; open: () => void };
const gate = (): Gate => {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
};
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ProbeSlots', () => {
  it('runs at most `limit` at once and starts the waiting ones in arrival order', async () => {
    const slots = new ProbeSlots(2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, index) => slots.run(async () => (started.push(index), await g.promise, index)));
    await settle();
    expect({ started, inUse: slots.inUse, queued: slots.queued }).toEqual({ started: [0, 1], inUse: 2, queued: 2 });
    gates[1].open();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((g) => g.open());
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect({ inUse: slots.inUse, queued: slots.queued }).toEqual({ inUse: 0, queued: 0 });
  });

  it('frees the slot of a check that throws', async () => {
    const slots = new ProbeSlots(1);
    await expect(slots.run(() => Promise.reject(new Error('probe failed')))).rejects.toThrow('probe failed');
    await expect(slots.run(async () => 'next')).resolves.toBe('next');
    expect(slots.inUse).toBe(0);
  });

  it('starts waiting checks at once when the limit grows', async () => {
    const slots = new ProbeSlots(1);
    const hold = gate();
    const started: number[] = [];
    const runs = [0, 1, 2].map((index) => slots.run(async () => (started.push(index), await hold.promise)));
    await settle();
    expect(started).toEqual([0]);
    slots.resize(3);
    await settle();
    expect({ started, inUse: slots.inUse }).toEqual({ started: [0, 1, 2], inUse: 3 });
    hold.open();
    await Promise.all(runs);
  });

  it('lets running checks finish when the limit shrinks, and starts no more until under it', async () => {
    const slots = new ProbeSlots(3);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, index) => slots.run(async () => (started.push(index), await g.promise)));
    await settle();
    slots.resize(1);
    gates[0].open();
    gates[1].open();
    await settle();
    expect({ started, inUse: slots.inUse }).toEqual({ started: [0, 1, 2], inUse: 1 });
    gates[2].open();
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    gates[3].open();
    await Promise.all(runs);
  });

  it('tells whether a check waited since the last look', async () => {
    const slots = new ProbeSlots(1);
    const hold = gate();
    expect(slots.takeSaturation()).toBe(false);
    const first = slots.run(() => hold.promise);
    expect(slots.takeSaturation()).toBe(false);
    const second = slots.run(async () => undefined);
    hold.open();
    await Promise.all([first, second]);
    // The second waited, even though nothing waits now.
    expect(slots.takeSaturation()).toBe(true);
    expect(slots.takeSaturation()).toBe(false);
  });

  it('keeps order and count through many waiting checks (the queue compacts itself)', async () => {
    const slots = new ProbeSlots(1);
    const order: number[] = [];
    await Promise.all(Array.from({ length: 5_000 }, (_, index) => slots.run(async () => void order.push(index))));
    expect(order).toEqual(Array.from({ length: 5_000 }, (_, index) => index));
    expect({ inUse: slots.inUse, queued: slots.queued }).toEqual({ inUse: 0, queued: 0 });
  });
});
