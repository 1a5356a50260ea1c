import { describe, expect, it } from 'vitest';
import { BatchService, type BatchServiceOptions } from '../../src/sim/batch-service.js';
import { Simulation } from '../../src/sim/kernel.js';

/** Units arrive at the given times and board (taking `slots` each); returns the departures as `time: units`. */
function ferry(options: BatchServiceOptions, arrivals: number[], horizon = 1000, slots = 1) {
  const sim = new Simulation();
  const departures: string[] = [];
  const waits: number[] = [];
  const service = new BatchService(
    sim,
    (units, boardedAt, load) => {
      departures.push(`${sim.now}: ${Array.from(units.subarray(0, load)).join(',')}`);
      for (let i = 0; i < load; i++) waits.push(sim.now - boardedAt[i]!);
    },
    options,
  );
  const arrive = sim.handler('arrive', (unit) => service.board(unit, slots));
  for (const [unit, t] of arrivals.entries()) sim.scheduleAt(t, arrive, unit);
  sim.run(horizon);
  return { departures, waits, service };
}

const every = (step: number, from: number, to: number) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

describe('BatchService', () => {
  it('a ferry with a vessel always at the berth sails each time it is full', () => {
    const { departures, waits, service } = ferry({ capacity: 3, departs: 'full' }, every(1, 1, 10));
    expect(departures).toEqual(['3: 0,1,2', '6: 3,4,5', '9: 6,7,8']);
    expect(waits.slice(0, 3)).toEqual([2, 1, 0]);
    expect(service.waiting).toBe(1);
  });

  it('a single vessel sails when full, but only once back from its 5 h round trip', () => {
    // Hand computation: sails at 3 with units 0–2 (arrived 1, 2, 3), back at 8 where units 3–6 wait:
    // sails at once with 3–5; back at 13 with 6–11 waiting: sails with 6–8; back at 18: sails with 9–11.
    const options = { capacity: 3, departs: 'full', carriers: 1, turnaround: () => 5 } as const;
    const { departures } = ferry(options, every(1, 1, 12));
    expect(departures).toEqual(['3: 0,1,2', '8: 3,4,5', '13: 6,7,8', '18: 9,10,11']);
  });

  it('a timetabled sailing takes up to capacity, and no empty sailing leaves', () => {
    // Sailings at 10:00 and 22:00; a unit every 2 h from 0 to 22 (units 0–11). A unit arriving at the
    // very time of a sailing boards it.
    const options = { capacity: 5, departs: 'schedule', timetable: { times_h: [10, 22] } } as const;
    const { departures } = ferry(options, every(2, 0, 22), 60);
    expect(departures).toEqual(['10: 0,1,2,3,4', '22: 5,6,7,8,9', '34: 10,11']);
  });

  it('schedule-or-full sails at whichever comes first', () => {
    const options = { capacity: 4, departs: 'schedule-or-full', timetable: { times_h: [12] } } as const;
    const { departures } = ferry(options, every(1, 0, 16), 30);
    expect(departures).toEqual(['3: 0,1,2,3', '7: 4,5,6,7', '11: 8,9,10,11', '12: 12', '16: 13,14,15,16']);
  });

  it('a timetabled sailing is cancelled when the only vessel is away', () => {
    const options = {
      capacity: 10,
      departs: 'schedule',
      timetable: { times_h: [10] },
      carriers: 1,
      turnaround: () => 30,
    } as const;
    const { departures } = ferry(options, [0, 20, 30, 50], 100);
    // Sails at 10, back at 40: the 34 h sailing is cancelled, the 58 h one takes the three waiting.
    expect(departures).toEqual(['10: 0', '58: 1,2,3']);
  });

  it('a rail ferry of 56 wagon slots loads trains of 21 wagons wagon by wagon: every sailing full', () => {
    // Trains board at 1, 2, 3, …: the third makes 63 ≥ 56 wagons, so the ferry sails at 3 with the
    // first two trains and 14 wagons of the third; its other 7 wait. At 6 the waiting wagons reach
    // 7 + 3 × 21 = 70 ≥ 56: the ferry takes the third train's 7, the fourth and fifth trains' 42 and
    // 7 of the sixth, and the third train leaves with its last wagon.
    const { departures, service } = ferry({ capacity: 56, departs: 'full' }, every(1, 1, 6), 100, 21);
    expect(departures).toEqual(['3: 0,1', '6: 2,3,4']);
    expect(service.waiting).toBe(1);
  });

  it('a ferry that sails when full also sails once its first passenger has waited the maximum wait', () => {
    // Capacity 3, at most 5 h: units at 0 and 1 sail at 5 (the first waited 5 h); units at 10, 11, 12
    // fill the next ferry at 12; the unit at 20 sails alone at 25.
    const options = { capacity: 3, departs: 'full', maxWait_h: 5 } as const;
    const { departures, waits } = ferry(options, [0, 1, 10, 11, 12, 20]);
    expect(departures).toEqual(['5: 0,1', '12: 2,3,4', '25: 5']);
    expect(waits).toEqual([5, 4, 2, 1, 0, 5]);
  });

  it('rejects inconsistent options', () => {
    const sim = new Simulation();
    const noop = () => {};
    expect(() => new BatchService(sim, noop, { capacity: 0, departs: 'full' })).toThrow(RangeError);
    expect(() => new BatchService(sim, noop, { capacity: 2, departs: 'schedule' })).toThrow(/timetable/);
    expect(() => new BatchService(sim, noop, { capacity: 2, departs: 'full', carriers: 2 })).toThrow(
      /turnaround/,
    );
    expect(
      () =>
        new BatchService(sim, noop, {
          capacity: 2,
          departs: 'schedule',
          timetable: { times_h: [1] },
          maxWait_h: 3,
        }),
    ).toThrow(/maxWait/);
  });
});
