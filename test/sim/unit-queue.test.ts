import { describe, expect, it } from 'vitest';
import { FifoQueue } from '../../src/sim/fifo-queue.js';
import { PriorityQueue } from '../../src/sim/priority-queue.js';
import type { UnitQueue } from '../../src/sim/unit-queue.js';

/** Conformance suite every queue discipline passes. */
function conformance(name: string, make: (capacity?: number) => UnitQueue) {
  describe(`${name} (UnitQueue conformance)`, () => {
    it('is empty at first', () => {
      const q = make();
      expect(q.length).toBe(0);
      expect(q.shift()).toBe(-1);
      expect(q.peek()).toBe(-1);
    });

    it('serves units of one class first come, first served, with their joining time', () => {
      const q = make(4);
      for (let i = 0; i < 100; i++) q.push(1000 + i, 3, i * 0.5);
      expect(q.length).toBe(100);
      for (let i = 0; i < 100; i++) {
        expect(q.peek()).toBe(1000 + i);
        expect(q.shift()).toBe(1000 + i);
        expect(q.shiftedAt).toBe(i * 0.5);
      }
      expect(q.length).toBe(0);
    });

    it('keeps order across interleaved pushes and shifts (ring wrap-around, growth)', () => {
      const q = make(4);
      const out: number[] = [];
      let next = 0;
      for (let round = 0; round < 50; round++) {
        for (let i = 0; i < 3; i++) q.push(next++, 0, round);
        out.push(q.shift(), q.shift());
      }
      while (q.length > 0) out.push(q.shift());
      expect(out).toEqual(Array.from({ length: next }, (_, i) => i));
    });

    it('takes out a waiting unit (a driver who gives up), the others keeping their order', () => {
      const q = make(4);
      for (let i = 0; i < 10; i++) q.push(i, i % 2, i);
      const served = [...Array(10).keys()].sort((a, b) => (a % 2) - (b % 2) || a - b);
      for (const gone of [3, 0, 9]) expect(q.remove(gone)).toBe(true);
      expect(q.remove(3)).toBe(false);
      expect(q.remove(42)).toBe(false);
      expect(q.length).toBe(7);
      const out: number[] = [];
      while (q.length > 0) out.push(q.shift());
      const expected = served.filter((u) => ![3, 0, 9].includes(u));
      // a FIFO queue ignores the class: arrival order
      expect([expected, [1, 2, 4, 5, 6, 7, 8]]).toContainEqual(out);
    });

    it('clears', () => {
      const q = make();
      q.push(1, 0, 0);
      q.push(2, 0, 0);
      q.clear();
      expect(q.length).toBe(0);
      expect(q.shift()).toBe(-1);
    });
  });
}

conformance('FifoQueue', (n) => new FifoQueue(n));
conformance('PriorityQueue', (n) => new PriorityQueue(n));

describe('FifoQueue', () => {
  it('ignores priorities', () => {
    const q = new FifoQueue();
    q.push(1, 5, 0);
    q.push(2, 0, 0);
    expect([q.shift(), q.shift()]).toEqual([1, 2]);
  });
});

describe('PriorityQueue', () => {
  it('serves lower priority values first, first come first served within a class', () => {
    const q = new PriorityQueue(4);
    const input: [number, number][] = [
      [1, 2],
      [2, 0],
      [3, 1],
      [4, 0],
      [5, 2],
      [6, 1],
      [7, 0],
      [8, 2],
      [9, 1],
      [10, 0],
    ];
    for (const [unit, prio] of input) q.push(unit, prio, unit);
    const out: number[] = [];
    while (q.length > 0) out.push(q.shift());
    expect(out).toEqual([2, 4, 7, 10, 3, 6, 9, 1, 5, 8]);
  });
});
