import { describe, expect, it } from 'vitest';
import { Priority, Simulation } from '../../src/sim/kernel.js';

describe('Simulation', () => {
  it('handles events in time order and advances the clock', () => {
    const sim = new Simulation();
    const seen: string[] = [];
    const tick = sim.handler('tick', (a, b) => seen.push(`${sim.now}:${a}:${b}`));
    sim.schedule(5, tick, 1, 2);
    sim.schedule(1, tick, 3, 4);
    sim.scheduleAt(2.5, tick, 5, 6);
    expect(sim.run()).toBe(3);
    expect(seen).toEqual(['1:3:4', '2.5:5:6', '5:1:2']);
    expect(sim.now).toBe(5);
  });

  it('resolves simultaneous events by priority, then scheduling order', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const k = sim.handler('k', (a) => seen.push(a));
    sim.schedule(1, k, 1, 0, Priority.late);
    sim.schedule(1, k, 2);
    sim.schedule(1, k, 3, 0, Priority.urgent);
    sim.schedule(1, k, 4);
    sim.run();
    expect(seen).toEqual([3, 2, 4, 1]);
  });

  it('lets handlers schedule more events, including at the current time', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const chain = sim.handler('chain', (n) => {
      seen.push(n);
      if (n < 3) sim.schedule(0, chain, n + 1);
    });
    sim.schedule(2, chain, 0);
    sim.run();
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(sim.now).toBe(2);
  });

  it('runs until a time like SimPy: an event due exactly then stays pending', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const k = sim.handler('k', () => seen.push(sim.now));
    for (const t of [1, 2, 3]) sim.scheduleAt(t, k);
    sim.run(2);
    expect(seen).toEqual([1]);
    expect(sim.now).toBe(2);
    expect(sim.pending).toBe(2);
    sim.run(10);
    expect(seen).toEqual([1, 2, 3]);
    expect(sim.now).toBe(10);
  });

  it('stops after the current event, steps one at a time and traces', () => {
    const traced: string[] = [];
    const sim = new Simulation({ trace: (t, kind, a) => traced.push(`${t}/${sim.kindName(kind)}/${a}`) });
    const k = sim.handler('k', (a) => {
      if (a === 2) sim.stop();
    });
    for (let i = 1; i <= 4; i++) sim.schedule(i, k, i);
    expect(sim.run()).toBe(2);
    expect(sim.step()).toBe(true);
    expect(traced).toEqual(['1/k/1', '2/k/2', '3/k/3']);
    expect(sim.peek()).toBe(4);
  });

  it('cancels a cancellable event', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const k = sim.handler('k', (a) => seen.push(a));
    const h = sim.scheduleCancellable(1, k, 1);
    sim.schedule(2, k, 2);
    expect(sim.isPending(h)).toBe(true);
    expect(sim.cancel(h)).toBe(true);
    expect(sim.cancel(h)).toBe(false);
    sim.run();
    expect(seen).toEqual([2]);
  });

  it('refuses to schedule into the past', () => {
    const sim = new Simulation({ start: 10 });
    const k = sim.handler('k', () => {});
    expect(() => sim.schedule(-1, k)).toThrow(RangeError);
    expect(() => sim.scheduleAt(9, k)).toThrow(/at 9, before the current time 10/);
    expect(() => sim.schedule(Number.NaN, k)).toThrow(RangeError);
  });
});
