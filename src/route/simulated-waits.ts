/**
 * Waits taken from a simulation instead of the analytical queue: the JSON that
 * `caravan simulate --json` prints, `{"crossings": {"<id>": {"wait_h": {"mean", "p90", …}}}}`
 * (and optionally `"services"` in the same shape). Each figure replaces the estimate for both
 * directions of its crossing or service; what the file does not cover keeps the analytical wait.
 */
import { z } from 'zod';
import { InputError, type Issue, issue } from '../model/issue.js';
import { didYouMean } from '../model/suggest.js';
import { ArcKind, type CompiledNetwork } from '../network/compile.js';
import { type ArcWaits, WaitSource } from './arc-waits.js';
import { varianceFromP90 } from './p90.js';

const WaitStats = z.looseObject({
  mean: z.number().nonnegative().nullable(),
  p90: z.number().nonnegative().nullable().optional(),
  sd: z.number().nonnegative().nullable().optional(),
});

const Entry = z.looseObject({ wait_h: WaitStats });

/** The part of `caravan simulate --json` that route planning reads. */
export const SimulatedWaitsFile = z.looseObject({
  crossings: z.record(z.string(), Entry),
  services: z.record(z.string(), Entry).optional(),
});

export type SimulatedWaitsInput = z.input<typeof SimulatedWaitsFile>;

export interface SimulatedWait {
  readonly meanH: number;
  readonly varH2: number;
}

/** Simulated waits by crossing or service id, checked against the network. */
export interface SimulatedWaits {
  readonly crossings: ReadonlyMap<string, SimulatedWait>;
  readonly services: ReadonlyMap<string, SimulatedWait>;
}

/**
 * Reads simulated waits from parsed JSON; `path` names the input in errors (e.g. `--waits`).
 * The variance is sd² when the file gives `sd`, otherwise the normal-equivalent ((p90 − mean)/z90)²,
 * otherwise 0. Entries whose mean is null (never observed) are left to the analytical estimate.
 */
export function readSimulatedWaits(net: CompiledNetwork, data: unknown, path = 'waits'): SimulatedWaits {
  const parsed = SimulatedWaitsFile.safeParse(data);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues.map((i) =>
        issue(
          'invalid_value',
          [path, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))].join('.'),
          `${i.message}: expected the JSON of \`caravan simulate --json\`, {"crossings": {"<id>": {"wait_h": {"mean": …, "p90": …}}}}`,
        ),
      ),
    );
  }
  const issues: Issue[] = [];
  const read = (
    entries: Record<string, z.output<typeof Entry>> | undefined,
    known: readonly string[],
    what: string,
  ) => {
    const out = new Map<string, SimulatedWait>();
    for (const [id, e] of Object.entries(entries ?? {})) {
      if (!known.includes(id)) {
        issues.push(
          issue(
            'unknown_reference',
            `${path}.${what}.${id}`,
            `the network has no ${what.slice(0, -1)} "${id}"${didYouMean(id, known) || ': was the simulation run on another network?'}`,
          ),
        );
        continue;
      }
      const w = e.wait_h;
      if (w.mean === null) continue;
      const varH2 =
        w.sd !== undefined && w.sd !== null
          ? w.sd * w.sd
          : w.p90 !== undefined && w.p90 !== null
            ? varianceFromP90(w.mean, w.p90)
            : 0;
      out.set(id, { meanH: w.mean, varH2 });
    }
    return out;
  };
  const crossings = read(
    parsed.data.crossings,
    net.model.crossings.map((c) => c.id),
    'crossings',
  );
  const services = read(
    parsed.data.services,
    net.model.services.map((s) => s.id),
    'services',
  );
  if (issues.length > 0) throw new InputError(issues);
  return { crossings, services };
}

/** The waits with the simulated figures put in place of the estimates they cover. */
export function withSimulatedWaits(net: CompiledNetwork, waits: ArcWaits, sim: SimulatedWaits): ArcWaits {
  const meanH = waits.meanH.slice();
  const varH2 = waits.varH2.slice();
  const source = waits.source.slice();
  for (let a = 0; a < net.arcCount; a++) {
    const kind = net.arcKind[a];
    const e = net.arcElement[a]!;
    const w =
      kind === ArcKind.crossing
        ? sim.crossings.get(net.model.crossings[e]!.id)
        : kind === ArcKind.service
          ? sim.services.get(net.model.services[e]!.id)
          : undefined;
    if (w === undefined) continue;
    meanH[a] = w.meanH;
    varH2[a] = w.varH2;
    source[a] = WaitSource.simulated;
  }
  const simulatedIds = new Set(sim.crossings.keys());
  return {
    ...waits,
    meanH,
    varH2,
    source,
    saturated: waits.saturated.filter((id) => !simulatedIds.has(id)),
    sharedRations: waits.sharedRations.filter((r) => r.kind !== 'crossing' || !simulatedIds.has(r.id)),
  };
}
