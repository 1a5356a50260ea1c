import { describe, expect, it } from 'vitest';
import { Priority, Simulation } from '../../src/sim/kernel.js';
import { Resource, type ResourceHooks } from '../../src/sim/resource.js';

/** A resource whose units each hold a server for a fixed time, logging starts and ends. */
function setup(capacity: number, service: number, discipline: 'fifo' | 'priority' = 'fifo') {
  const sim = new Simulation();
  const log: string[] = [];
  const done = sim.handler('done', (unit) => {
    log.push(`end ${unit} @${sim.now}`);
    lanes.release();
  });
  const lanes: Resource = new Resource(
    sim,
    {
      startService: (unit) => {
        log.push(`start ${unit} @${sim.now}`);
        sim.schedule(service, done, unit);
      },
    },
    { capacity, discipline },
  );
  const arrive = sim.handler('arrive', (unit, priority) => lanes.request(unit, priority));
  return { sim, lanes, log, arrive };
}

describe('Resource', () => {
  it('serves at most `capacity` units at once, first come first served', () => {
    const { sim, log, arrive } = setup(2, 3);
    for (let u = 0; u < 4; u++) sim.scheduleAt(u * 0.5, arrive, u);
    sim.run();
    expect(log).toEqual([
      'start 0 @0',
      'start 1 @0.5',
      'end 0 @3',
      'start 2 @3',
      'end 1 @3.5',
      'start 3 @3.5',
      'end 2 @6',
      'end 3 @6.5',
    ]);
  });

  it('closing never interrupts a unit in service; the freed lane waits for reopening', () => {
    const { sim, lanes, log, arrive } = setup(1, 4);
    const setCap = sim.handler('cap', (c) => lanes.setCapacity(c));
    sim.scheduleAt(0, arrive, 0);
    sim.scheduleAt(1, arrive, 1);
    sim.scheduleAt(2, setCap, 0, 0, Priority.urgent);
    sim.scheduleAt(10, setCap, 1, 0, Priority.urgent);
    sim.run();
    expect(log).toEqual(['start 0 @0', 'end 0 @4', 'start 1 @10', 'end 1 @14']);
  });

  it('opening more servers takes waiting units at once', () => {
    const { sim, lanes, log, arrive } = setup(0, 1);
    const setCap = sim.handler('cap', (c) => lanes.setCapacity(c));
    for (let u = 0; u < 3; u++) sim.scheduleAt(0, arrive, u);
    sim.scheduleAt(2, setCap, 2);
    sim.run();
    expect(log.slice(0, 2)).toEqual(['start 0 @2', 'start 1 @2']);
    expect(log).toContain('start 2 @3');
  });

  it('serves by priority class without preempting the unit in service', () => {
    const { sim, log, arrive } = setup(1, 1, 'priority');
    sim.scheduleAt(0, arrive, 0, 5);
    sim.scheduleAt(0.1, arrive, 1, 2);
    sim.scheduleAt(0.2, arrive, 2, 0);
    sim.scheduleAt(0.3, arrive, 3, 2);
    sim.run();
    expect(log.filter((l) => l.startsWith('start'))).toEqual([
      'start 0 @0',
      'start 2 @1',
      'start 1 @2',
      'start 3 @3',
    ]);
  });

  it('reports to its hooks', () => {
    const calls: string[] = [];
    const hooks: ResourceHooks = {
      enqueue: (t, u, q) => calls.push(`enqueue ${u} t=${t} q=${q}`),
      start: (t, u, w, b, q) => calls.push(`start ${u} t=${t} wait=${w} busy=${b} q=${q}`),
      release: (t, b) => calls.push(`release t=${t} busy=${b}`),
      capacity: (t, c) => calls.push(`capacity t=${t} c=${c}`),
    };
    const { sim, lanes, arrive } = setup(1, 2);
    lanes.hooks = hooks;
    sim.scheduleAt(0, arrive, 7);
    sim.scheduleAt(1, arrive, 8);
    sim.run();
    expect(calls).toEqual([
      'start 7 t=0 wait=0 busy=1 q=0',
      'enqueue 8 t=1 q=1',
      'release t=2 busy=0',
      'start 8 t=2 wait=1 busy=1 q=0',
      'release t=4 busy=0',
    ]);
  });

  it('rejects a release with no server in use and a negative capacity', () => {
    const { lanes } = setup(1, 1);
    expect(() => lanes.release()).toThrow(/no server in use/);
    expect(() => lanes.setCapacity(-1)).toThrow(RangeError);
  });
});
