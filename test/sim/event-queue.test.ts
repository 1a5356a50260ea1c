import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/sim/event-queue.js';

type Entry = { time: number; priority: number; seq: number; kind: number };

const byOrder = (x: Entry, y: Entry) => x.time - y.time || x.priority - y.priority || x.seq - y.seq;

function popAll(q: EventQueue): number[] {
  const kinds: number[] = [];
  for (let s = q.pop(); s >= 0; s = q.pop()) kinds.push(q.kindOf(s));
  return kinds;
}

describe('EventQueue', () => {
  it('pops by time, then priority, then insertion order', () => {
    const q = new EventQueue(4);
    q.push(2, 0, 0, 0, 0);
    q.push(1, 1, 1, 0, 0);
    q.push(1, 0, 2, 0, 0);
    q.push(1, 0, 3, 0, 0);
    q.push(0.5, 5, 4, 0, 0);
    q.push(1, -1, 5, 0, 0);
    expect(popAll(q)).toEqual([4, 5, 2, 3, 1, 0]);
  });

  it('keeps its payload and reports the next time', () => {
    const q = new EventQueue();
    expect(q.peekTime()).toBe(Number.POSITIVE_INFINITY);
    q.push(3.5, 0, 7, 11, -12);
    expect(q.size).toBe(1);
    expect(q.peekTime()).toBe(3.5);
    const s = q.pop();
    expect([q.timeOf(s), q.kindOf(s), q.firstArgOf(s), q.secondArgOf(s)]).toEqual([3.5, 7, 11, -12]);
    expect(q.size).toBe(0);
    expect(q.pop()).toBe(-1);
  });

  it('orders any mix of pushes and pops like a sorted list (property)', () => {
    const op = fc.oneof(
      fc.record({
        push: fc.constant(true),
        time: fc.integer({ min: 0, max: 20 }),
        priority: fc.integer({ min: -2, max: 2 }),
      }),
      fc.record({ push: fc.constant(false) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const q = new EventQueue(4);
        const model: Entry[] = [];
        let seq = 0;
        for (const o of ops) {
          if ('time' in o) {
            q.push(o.time, o.priority, seq, 0, 0);
            model.push({ time: o.time, priority: o.priority, seq, kind: seq });
            seq++;
          } else {
            model.sort(byOrder);
            const expected = model.shift();
            const s = q.pop();
            if (expected === undefined) expect(s).toBe(-1);
            else expect(q.kindOf(s)).toBe(expected.kind);
          }
          expect(q.size).toBe(model.length);
        }
        model.sort(byOrder);
        expect(popAll(q)).toEqual(model.map((e) => e.kind));
      }),
    );
  });

  it('cancels pending events and recognises stale handles (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.boolean()), { minLength: 1, maxLength: 200 }),
        (items) => {
          const q = new EventQueue(4);
          const handles = items.map(([time], i) => q.handleOf(q.push(time, 0, i, 0, 0)));
          const kept: Entry[] = [];
          items.forEach(([time, cancel], i) => {
            if (cancel) expect(q.cancel(handles[i]!)).toBe(true);
            else kept.push({ time, priority: 0, seq: i, kind: i });
          });
          items.forEach(([, cancel], i) => {
            expect(q.isPending(handles[i]!)).toBe(!cancel);
          });
          kept.sort(byOrder);
          expect(popAll(q)).toEqual(kept.map((e) => e.kind));
          for (const h of handles) expect(q.cancel(h)).toBe(false);
        },
      ),
    );
  });

  it('keeps order through any mix of pushes, pops and cancellations (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), time: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ kind: fc.constant('pop' as const) }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const q = new EventQueue(4);
        const model: (Entry & { handle: number })[] = [];
        const stale: number[] = [];
        let seq = 0;
        for (const o of ops) {
          if (o.kind === 'push') {
            const handle = q.handleOf(q.push(o.time, 0, seq, 0, 0));
            model.push({ time: o.time, priority: 0, seq, kind: seq, handle });
            seq++;
          } else if (o.kind === 'pop') {
            model.sort(byOrder);
            const expected = model.shift();
            const s = q.pop();
            if (expected === undefined) expect(s).toBe(-1);
            else {
              expect(q.kindOf(s)).toBe(expected.kind);
              stale.push(expected.handle);
            }
          } else if (model.length > 0) {
            const [victim] = model.splice(o.pick % model.length, 1);
            expect(q.cancel(victim!.handle)).toBe(true);
            stale.push(victim!.handle);
          }
          expect(q.size).toBe(model.length);
        }
        for (const h of stale) expect(q.cancel(h)).toBe(false);
        model.sort(byOrder);
        expect(popAll(q)).toEqual(model.map((e) => e.kind));
      }),
    );
  });

  it('stays bounded when far-future events are scheduled and cancelled over and over', () => {
    const q = new EventQueue(4);
    q.push(0, 0, -1, 0, 0);
    for (let i = 0; i < 100_000; i++) q.cancel(q.handleOf(q.push(1e9 + i, 0, i, 0, 0)));
    expect(q.size).toBe(1);
    expect(q.capacity).toBeLessThanOrEqual(128);
  });

  it('does not let a stale handle cancel the event that reuses its slot', () => {
    const q = new EventQueue(4);
    const first = q.handleOf(q.push(1, 0, 1, 0, 0));
    q.pop();
    const second = q.handleOf(q.push(2, 0, 2, 0, 0));
    expect(second % 2 ** 24).toBe(first % 2 ** 24);
    expect(q.cancel(first)).toBe(false);
    expect(q.isPending(second)).toBe(true);
    expect(q.kindOf(q.pop())).toBe(2);
  });

  it('grows past its initial capacity and clears', () => {
    const q = new EventQueue(4);
    for (let i = 0; i < 1000; i++) q.push(1000 - i, 0, i, 0, 0);
    expect(q.size).toBe(1000);
    expect(q.kindOf(q.pop())).toBe(999);
    q.clear();
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBe(Number.POSITIVE_INFINITY);
  });

  it('popBefore leaves events due at or after the limit pending', () => {
    const q = new EventQueue();
    q.push(1, 0, 1, 0, 0);
    q.push(2, 0, 2, 0, 0);
    expect(q.kindOf(q.popBefore(2))).toBe(1);
    expect(q.popBefore(2)).toBe(-1);
    expect(q.size).toBe(1);
    expect(q.peekTime()).toBe(2);
  });
});
