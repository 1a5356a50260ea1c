/**
 * The clearance process at a crossing: steps in order, each applying to a unit with its probability
 * and done once more with its repeat probability (a repeated inspection). One state machine over
 * unit ids, shared by every crossing-like model.
 */
import { INITIAL_UNIT_ROOM } from './id-pool.js';
import type { Simulation } from './kernel.js';
import { type Uniform, zeroUniform } from './random.js';
import type { Sampler } from './sample/sampler.js';

export interface ClearanceStep {
  readonly duration: Sampler;
  /** Chance that the step applies to a unit (default 1). */
  readonly probability?: number;
  /** Chance that the step is done once more after each time it is done (default 0). */
  readonly repeat?: number;
  /** Uniforms for this step's own draws (whether it applies, whether it repeats); default the shared ones. */
  readonly decision?: Uniform;
}

/**
 * The model whose units go through the steps, told when a unit is through. An object with a method
 * rather than a callback, for the reason given at `ServiceStarter` (resource.ts): the call stays monomorphic
 * and inlined from one replication to the next.
 */
export interface ClearanceClient {
  /** Called when `unit` has been through every step that applies to it. */
  depart(unit: number): void;
}

export class ClearanceSteps {
  /** Whether some step needs random draws: a probability below 1 or a repeat above 0. */
  readonly random: boolean;
  private readonly sim: Simulation;
  private readonly durations: Sampler[];
  private readonly probabilities: Float64Array;
  private readonly repeats: Float64Array;
  /** Every step applies to every unit: no draw needed to pick the next step. */
  private readonly allStepsApply: boolean;
  /** Whether some step needs random draws and has no decision uniforms of its own. */
  readonly needsShared: boolean;
  /** Per step: its own decision uniforms, or null for the shared ones. */
  private readonly own: (Uniform | null)[];
  private decisions: Uniform[];
  private stepOf = new Int32Array(INITIAL_UNIT_ROOM);
  private readonly stepEndKind: number;

  /**
   * @param client told when a unit has been through every step that applies to it
   * @param handlerName name of the step-end event in the kernel (for traces)
   */
  constructor(
    sim: Simulation,
    steps: readonly ClearanceStep[],
    private readonly client: ClearanceClient,
    handlerName = 'step-end',
  ) {
    this.sim = sim;
    this.durations = steps.map((s) => s.duration);
    this.probabilities = Float64Array.from(steps, (s) => s.probability ?? 1);
    this.repeats = Float64Array.from(steps, (s) => s.repeat ?? 0);
    this.own = steps.map((s) => s.decision ?? null);
    this.decisions = this.own.map((u) => u ?? zeroUniform);
    this.allStepsApply = this.probabilities.every((p) => p >= 1);
    for (const r of this.repeats)
      if (!(r >= 0 && r < 1)) throw new RangeError('a repeat probability must be in [0, 1)');
    this.random = this.probabilities.some((p) => p < 1) || this.repeats.some((r) => r > 0);
    this.needsShared = steps.some((s) => ((s.probability ?? 1) < 1 || (s.repeat ?? 0) > 0) && !s.decision);
    this.stepEndKind = sim.handler(handlerName, (unit) => this.stepEnd(unit));
  }

  /** The uniforms for step probabilities and repeats of the steps without their own. */
  useRandom(uniform: Uniform): void {
    this.decisions = this.own.map((u) => u ?? uniform);
  }

  /** A unit starts clearance (it holds a lane); it never finishes synchronously. */
  start(unit: number): void {
    if (unit >= this.stepOf.length) this.grow(unit);
    this.stepOf[unit] = -1;
    this.nextStep(unit, false);
  }

  private stepEnd(unit: number): void {
    const s = this.stepOf[unit]!;
    if (s === this.durations.length) {
      this.client.depart(unit);
      return;
    }
    const repeat = this.repeats[s]!;
    if (repeat > 0 && this.decisions[s]!.next() < repeat) {
      this.sim.schedule(this.durations[s]!.sample(), this.stepEndKind, unit);
      return;
    }
    this.nextStep(unit, true);
  }

  /** Moves to the next step that applies; past the last, clears (via a zero-delay event unless `mayClear`). */
  private nextStep(unit: number, mayClear: boolean): void {
    const n = this.durations.length;
    let s = this.stepOf[unit]! + 1;
    if (!this.allStepsApply) {
      const p = this.probabilities;
      const decisions = this.decisions;
      while (s < n && p[s]! < 1 && decisions[s]!.next() >= p[s]!) s++;
    }
    this.stepOf[unit] = s;
    if (s < n) this.sim.schedule(this.durations[s]!.sample(), this.stepEndKind, unit);
    else if (mayClear) this.client.depart(unit);
    else this.sim.schedule(0, this.stepEndKind, unit);
  }

  private grow(unit: number): void {
    const stepOf = new Int32Array(Math.max(this.stepOf.length * 2, unit + 1));
    stepOf.set(this.stepOf);
    this.stepOf = stepOf;
  }
}
