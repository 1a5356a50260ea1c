import { describe, expect, it } from 'vitest';
import { CapacitySchedule, openingHours } from '../../src/sim/capacity-schedule.js';
import { Simulation } from '../../src/sim/kernel.js';

function record(sim: Simulation) {
  const changes: [number, number][] = [];
  return { changes, target: { setCapacity: (c: number) => changes.push([sim.now, c]) } };
}

describe('CapacitySchedule', () => {
  it('opens 08:00–18:00 every day', () => {
    const sim = new Simulation();
    const { changes, target } = record(sim);
    new CapacitySchedule(sim, target, openingHours(3, 8, 18));
    sim.run(50);
    expect(changes).toEqual([
      [0, 0],
      [8, 3],
      [18, 0],
      [32, 3],
      [42, 0],
    ]);
  });

  it('starts mid-period with the capacity then in force', () => {
    const sim = new Simulation({ start: 12 });
    const { changes, target } = record(sim);
    new CapacitySchedule(sim, target, openingHours(2, 8, 18));
    sim.run(33);
    expect(changes).toEqual([
      [12, 2],
      [18, 0],
      [32, 2],
    ]);
  });

  it('handles overnight opening and a time-zone offset', () => {
    const sim = new Simulation();
    const { changes, target } = record(sim);
    // open 20:00–06:00 local, local time = simulation time + 5 h: the run starts at 05:00 local, open
    const schedule = new CapacitySchedule(sim, target, { ...openingHours(1, 20, 6), offset_h: 5 });
    sim.run(26);
    expect(changes).toEqual([
      [0, 1],
      [1, 0],
      [15, 1],
      [25, 0],
    ]);
    expect(schedule.capacityAt(14.9)).toBe(0);
    expect(schedule.capacityAt(15)).toBe(1);
    expect(schedule.capacityAt(24 + 0.5)).toBe(1);
  });

  it('follows a weekly timetable', () => {
    const sim = new Simulation();
    const { changes, target } = record(sim);
    // Monday to Friday 09:00–17:00 with 4 lanes, closed at weekends
    const steps = [];
    for (let d = 0; d < 5; d++)
      steps.push({ at_h: d * 24 + 9, capacity: 4 }, { at_h: d * 24 + 17, capacity: 0 });
    new CapacitySchedule(sim, target, { period_h: 168, steps });
    sim.run(168 + 10);
    expect(changes.length).toBe(1 + 10 + 1);
    expect(changes.at(-1)).toEqual([168 + 9, 4]);
  });

  it('a single step never schedules anything', () => {
    const sim = new Simulation();
    const { changes, target } = record(sim);
    new CapacitySchedule(sim, target, openingHours(5, 0, 0));
    expect(sim.pending).toBe(0);
    expect(changes).toEqual([[0, 5]]);
  });

  it('rejects malformed timetables', () => {
    const sim = new Simulation();
    const { target } = record(sim);
    expect(() => new CapacitySchedule(sim, target, { steps: [] })).toThrow(RangeError);
    expect(() => new CapacitySchedule(sim, target, { steps: [{ at_h: 25, capacity: 1 }] })).toThrow(
      RangeError,
    );
    const unordered = {
      steps: [
        { at_h: 5, capacity: 1 },
        { at_h: 3, capacity: 0 },
      ],
    };
    expect(() => new CapacitySchedule(sim, target, unordered)).toThrow(RangeError);
  });
});
