/**
 * Trips: each demand's consignments set off by its arrival pattern and travel their route leg by leg
 * (links, crossings, ferries, transshipments) until delivered, door to door.
 */
import { type ArrivalProcess, arrivalProcess } from './arrival-process.js';
import { BatchService } from './batch-service.js';
import { BorderCrossing, type CrossingClient, type CrossingHooks } from './crossing.js';
import { crossingOptions } from './crossing-from-network.js';
import { eQueueOf } from './e-queue-of.js';
import { IdPool, INITIAL_UNIT_ROOM } from './id-pool.js';
import { Priority, type Simulation } from './kernel.js';
import { LegType } from './leg-type.js';
import { Purpose, type Uniform } from './random.js';
import { compileSampler } from './sample/compile.js';
import type { Sampler } from './sample/sampler.js';
import { serviceOptions } from './service-from-network.js';
import type { LegPlan, SimulationPlan } from './simulation-plan.js';

/**
 * The stream of one kind of draw of one element: `purpose` is a {@link Purpose}, `element` names the
 * element (`demand:<id>`, `crossing:<id>:<from>-><to>/<step>`, `link:<id>:<from>-><to>`, …).
 */
export type KeyedStreams = (purpose: string, element: string) => Uniform;

export interface TripObservers {
  /** Hooks of a crossing's direction (0: from → to), or undefined to leave it unobserved. */
  crossing?(crossing: number, direction: number): CrossingHooks | undefined;
  /** A unit found the queue at a crossing too long and took another route. */
  diverted?(crossing: number, direction: number, time: number): void;
  /**
   * A consignment gave up (balked at a crossing with no other route, or a piece of it reneged there):
   * it leaves the network undelivered; `tracked` when it set off within the observation window.
   */
  abandoned?(demand: number, time: number, tracked: boolean): void;
  /** A unit boarded a service at `boardedAt` and sailed at `time`. */
  sailed?(service: number, direction: number, time: number, boardedAt: number): void;
  /**
   * A consignment arrived: `transit` hours door to door, `delay` of them not moving (crossings,
   * waits for departures, transshipments); `tracked` when it set off within the observation window.
   */
  delivered?(demand: number, time: number, transit: number, delay: number, tracked: boolean): void;
}

const TRACKED = 1;
const DIVERTED = 2;
/** The token of a unit waiting at a crossing when the run starts, part of no trip. */
const NO_TRIP = -1;
/** A piece of the consignment gave up at the crossing it is at: it is dropped when the last piece is done. */
const GAVE_UP = 4;

/**
 * Each consignment is a state machine over its legs, driven by three kinds of events (a demand's next
 * arrival, the end of a link or transshipment, the end of a sailing) and by the crossings handing it
 * back; its state lives in typed arrays indexed by recycled ids.
 */
export class TripModel implements CrossingClient {
  /** Consignments that set off within the window and are still on their way. */
  trackedInTransit = 0;
  /** Per demand: consignments that set off within the window and are still on their way. */
  readonly inTransitByDemand: Int32Array;
  /** Per demand: consignments that set off within the window and gave up on the way. */
  readonly abandonedByDemand: Int32Array;
  private readonly sim: Simulation;
  private readonly plan: SimulationPlan;
  private readonly observers: TripObservers;
  private readonly crossings: (BorderCrossing | null)[];
  private readonly services: (BatchService | null)[];
  /** Per service direction (2 × service + direction): its sailing time, or null when unused. */
  private readonly sailing: (Sampler | null)[];
  /** Per link direction (2 × link + direction), or null when unused. */
  private readonly links: (Sampler | null)[];
  private readonly transshipments: (Sampler | null)[];
  private readonly arrivals: ArrivalProcess[];
  private readonly ids = new IdPool();
  private demandOf = new Int32Array(INITIAL_UNIT_ROOM);
  private routeOf = new Int32Array(INITIAL_UNIT_ROOM);
  private legOf = new Int32Array(INITIAL_UNIT_ROOM);
  private startedAt = new Float64Array(INITIAL_UNIT_ROOM);
  private legStartedAt = new Float64Array(INITIAL_UNIT_ROOM);
  private delay = new Float64Array(INITIAL_UNIT_ROOM);
  private pending = new Int32Array(INITIAL_UNIT_ROOM);
  private flags = new Uint8Array(INITIAL_UNIT_ROOM);
  private readonly arrivalKind: number;
  private readonly legDoneKind: number;
  private readonly stopAt: number;

  constructor(sim: Simulation, plan: SimulationPlan, streams: KeyedStreams, observers: TripObservers = {}) {
    this.sim = sim;
    this.plan = plan;
    this.observers = observers;
    this.stopAt = plan.end_h + plan.drain_h;
    const net = plan.network;
    this.inTransitByDemand = new Int32Array(plan.demands.length);
    this.abandonedByDemand = new Int32Array(plan.demands.length);
    this.arrivalKind = sim.handler('demand-arrival', (d) => this.arrive(d));
    this.legDoneKind = sim.handler('leg-done', (u) => this.advance(u));

    // Only the elements some route uses are built, each direction apart, each with its own streams.
    const usedCrossing = new Uint8Array(2 * net.crossings.length);
    const usedService = new Uint8Array(2 * net.services.length);
    const usedLink = new Uint8Array(2 * net.links.length);
    const usedNode = new Uint8Array(net.nodes.length);
    for (const r of plan.routes)
      for (const leg of r.legs) {
        const dir = 2 * leg.element + (leg.reversed ? 1 : 0);
        if (leg.kind === LegType.crossing) usedCrossing[dir] = 1;
        else if (leg.kind === LegType.service) usedService[dir] = 1;
        else if (leg.kind === LegType.link) usedLink[dir] = 1;
        else usedNode[leg.element] = 1;
      }
    const way = (e: { from: string; to: string }, direction: number) =>
      direction === 0 ? `${e.from}->${e.to}` : `${e.to}->${e.from}`;
    this.crossings = Array.from(usedCrossing, (used, k) => {
      if (!used) return null;
      const c = k >> 1;
      const direction = k & 1;
      const entry = net.crossings[c]!;
      const side = entry.sides[direction] ?? entry.sides[0];
      const element = `crossing:${entry.id}:${way(entry, direction)}`;
      const options = crossingOptions(
        side,
        { keyed: (purpose, key) => streams(purpose, `${element}/${key}`) },
        eQueueOf(plan, c, direction) ?? undefined,
      );
      const hooks = observers.crossing?.(c, direction);
      const crossing = new BorderCrossing(sim, this, { ...options, ...(hooks ? { hooks } : {}) });
      // the queue of the dated state: units that belong to no trip of the run
      crossing.preload(side.backlogAtStartUnits, NO_TRIP);
      return crossing;
    });
    this.sailing = Array.from(usedService, (used, k) => {
      if (!used) return null;
      const entry = net.services[k >> 1]!;
      const side = entry.sides[k & 1] ?? entry.sides[0];
      return compileSampler(side.time, streams(Purpose.duration, `service:${entry.id}:${k & 1}`));
    });
    this.services = Array.from(usedService, (used, k) => {
      if (!used) return null;
      const s = k >> 1;
      const direction = k & 1;
      const entry = net.services[s]!;
      return new BatchService(
        sim,
        (units, boardedAt, load) => this.sail(s, direction, units, boardedAt, load),
        serviceOptions(entry.sides[direction] ?? entry.sides[0], {
          start_date: plan.date,
          weather: () => streams(Purpose.weather, `service:${entry.id}`),
        }),
      );
    });
    this.links = Array.from(usedLink, (used, k) => {
      if (!used) return null;
      const entry = net.links[k >> 1]!;
      const time = entry.time[k & 1] ?? entry.time[0];
      return compileSampler(time, streams(Purpose.duration, `link:${entry.id}:${k & 1}`));
    });
    this.transshipments = Array.from(usedNode, (used, v) => {
      const time = net.transshipment[v];
      return used && time ? compileSampler(time, streams(Purpose.duration, `node:${net.nodes[v]}`)) : null;
    });

    this.arrivals = plan.demands.map((d) =>
      arrivalProcess(
        d.arrivals,
        d.lotsPerHour,
        streams(Purpose.arrivals, d.part === undefined ? `demand:${d.id}` : `demand:${d.id}@${d.part}`),
        d.offset_h,
        d.monthlyProfile && plan.date ? { factors: d.monthlyProfile, start_date: plan.date } : undefined,
      ),
    );
    plan.demands.forEach((_, i) => {
      const t = this.arrivals[i]!.next(sim.now);
      if (t < this.stopAt) sim.scheduleAt(t, this.arrivalKind, i);
    });
    if (plan.end_h >= sim.now) {
      const windowEnd = sim.handler('window-end', () => {
        if (this.trackedInTransit === 0) sim.stop();
      });
      sim.scheduleAt(plan.end_h, windowEnd, 0, 0, Priority.late);
    }
  }

  /** Consignments on their way now. */
  get inTransit(): number {
    return this.ids.inUse;
  }

  /** Runs until the consignments that set off in the window have arrived, or the drain limit. */
  run(): number {
    return this.sim.run(this.stopAt);
  }

  private arrive(d: number): void {
    const now = this.sim.now;
    const next = this.arrivals[d]!.next(now);
    if (next < this.stopAt) this.sim.scheduleAt(next, this.arrivalKind, d);
    const u = this.ids.acquire();
    if (u === this.demandOf.length) this.grow();
    this.demandOf[u] = d;
    this.routeOf[u] = this.plan.demands[d]!.route;
    this.legOf[u] = -1;
    this.startedAt[u] = now;
    this.delay[u] = 0;
    const tracked = now >= this.plan.warmup_h && now < this.plan.end_h;
    this.flags[u] = tracked ? TRACKED : 0;
    if (tracked) {
      this.trackedInTransit++;
      this.inTransitByDemand[d]!++;
    }
    this.advance(u);
  }

  /**
   * Starts the unit's next leg, or delivers it after the last. Each kind of leg starts in a method of
   * its own, so that this one, called at the end of every leg of every unit, stays small enough for
   * V8 to inline there (its bytecode: 704 bytes before, 316 now; the M/M/4 benchmark then
   * allocated 110 B a truck, now 63, in boxed numbers).
   */
  private advance(u: number): void {
    const route = this.plan.routes[this.routeOf[u]!]!;
    const i = ++this.legOf[u]!;
    if (i === route.legs.length) {
      this.deliver(u);
      return;
    }
    const leg = route.legs[i]!;
    switch (leg.kind) {
      case LegType.link:
        this.sim.schedule(
          this.links[2 * leg.element + (leg.reversed ? 1 : 0)]!.sample(),
          this.legDoneKind,
          u,
        );
        return;
      case LegType.transshipment:
        this.transship(u, leg.element);
        return;
      case LegType.crossing:
        this.toCrossing(u, leg, route.alternatives[i]!);
        return;
      default:
        this.legStartedAt[u] = this.sim.now;
        this.services[2 * leg.element + (leg.reversed ? 1 : 0)]!.board(u, leg.units);
    }
  }

  /** A transshipment: the unit is handled at the node, a delay. */
  private transship(u: number, node: number): void {
    const sampler = this.transshipments[node];
    const t = sampler ? sampler.sample() : 0;
    this.delay[u]! += t;
    this.sim.schedule(t, this.legDoneKind, u);
  }

  /** The unit reaches a crossing: it joins, or goes to `alternative` (a route index, -1 for none), or gives up. */
  private toCrossing(u: number, leg: LegPlan, alternative: number): void {
    const direction = leg.reversed ? 1 : 0;
    const crossing = this.crossings[2 * leg.element + direction]!;
    if (
      alternative >= 0 &&
      (this.flags[u]! & DIVERTED) === 0 &&
      crossing.queueLength + crossing.booked >= this.plan.divertQueue
    ) {
      this.flags[u]! |= DIVERTED;
      this.observers.diverted?.(leg.element, direction, this.sim.now);
      this.reroute(u, alternative);
      return;
    }
    if (crossing.balks(leg.units)) {
      // the driver does not join: another crossing of the same border if there is one, else gives up
      if (alternative >= 0 && (this.flags[u]! & DIVERTED) === 0) {
        this.flags[u]! |= DIVERTED;
        this.reroute(u, alternative);
      } else this.drop(u);
      return;
    }
    this.legStartedAt[u] = this.sim.now;
    this.pending[u] = leg.units;
    for (let k = 0; k < leg.units; k++) crossing.arrive(u);
  }

  /** The unit goes on by route `route` instead, from that route's first leg. */
  private reroute(u: number, route: number): void {
    this.routeOf[u] = route;
    this.legOf[u] = -1;
    this.advance(u);
  }

  /**
   * A crossing let one piece of the unit through; the unit goes on when all its pieces are through.
   * Called by the crossings only.
   */
  cleared(u: number): void {
    if (u === NO_TRIP) return;
    if (--this.pending[u]! > 0) return;
    if ((this.flags[u]! & GAVE_UP) !== 0) {
      this.drop(u);
      return;
    }
    this.delay[u]! += this.sim.now - this.legStartedAt[u]!;
    this.advance(u);
  }

  /**
   * A piece of the unit gave up waiting at a crossing: the unit is dropped when its last piece is done.
   * Called by the crossings only.
   */
  gaveUp(u: number): void {
    if (u === NO_TRIP) return;
    this.flags[u]! |= GAVE_UP;
    if (--this.pending[u]! === 0) this.drop(u);
  }

  /** The consignment leaves the network undelivered. */
  private drop(u: number): void {
    const now = this.sim.now;
    const d = this.demandOf[u]!;
    const tracked = (this.flags[u]! & TRACKED) !== 0;
    this.observers.abandoned?.(d, now, tracked);
    this.ids.release(u);
    if (!tracked) return;
    this.inTransitByDemand[d]!--;
    this.abandonedByDemand[d]!++;
    if (--this.trackedInTransit === 0 && now >= this.plan.end_h) this.sim.stop();
  }

  private sail(s: number, direction: number, units: Int32Array, boardedAt: Float64Array, load: number): void {
    const now = this.sim.now;
    const duration = this.sailing[2 * s + direction]!.sample();
    for (let i = 0; i < load; i++) {
      const u = units[i]!;
      this.delay[u]! += now - boardedAt[i]!;
      this.observers.sailed?.(s, direction, now, boardedAt[i]!);
      this.sim.schedule(duration, this.legDoneKind, u);
    }
  }

  private deliver(u: number): void {
    const now = this.sim.now;
    const d = this.demandOf[u]!;
    const tracked = (this.flags[u]! & TRACKED) !== 0;
    this.observers.delivered?.(d, now, now - this.startedAt[u]!, this.delay[u]!, tracked);
    this.ids.release(u);
    if (!tracked) return;
    this.inTransitByDemand[d]!--;
    if (--this.trackedInTransit === 0 && now >= this.plan.end_h) this.sim.stop();
  }

  private grow(): void {
    const n = this.demandOf.length * 2;
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.demandOf = grow32(this.demandOf);
    this.routeOf = grow32(this.routeOf);
    this.legOf = grow32(this.legOf);
    this.pending = grow32(this.pending);
    this.startedAt = grow64(this.startedAt);
    this.legStartedAt = grow64(this.legStartedAt);
    this.delay = grow64(this.delay);
    const flags = new Uint8Array(n);
    flags.set(this.flags);
    this.flags = flags;
  }
}
