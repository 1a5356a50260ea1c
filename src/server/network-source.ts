/**
 * The network the server answers about: the base network read once at start, and the same network
 * with a stored scenario applied (validated as a whole, cached by the scenario's id and version).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { InputError, type Issue } from '../model/issue.js';
import { networkSizeIssues } from '../model/limits.js';
import { checkNetworkData, type ParsedData, parseText } from '../model/load.js';
import { applyScenario, parseScenario, type ScenarioModel } from '../model/scenario.js';
import type { NetworkModel } from '../model/schema.js';
import { validateNetwork } from '../model/validate.js';
import { compileNetwork } from '../network/compile.js';
import { toGeoJSON } from '../network/geojson.js';
import { networkCapacity, type SideCapacity } from '../network/operational-capacity.js';

/** A JSON answer that never changes while the server runs: its bytes, gzipped bytes and ETag. */
export interface CachedBody {
  readonly raw: Buffer;
  readonly gzip: Buffer;
  readonly etag: string;
}

function cachedBody(value: unknown): CachedBody {
  const raw = Buffer.from(JSON.stringify(value));
  return {
    raw,
    gzip: gzipSync(raw, { level: 9 }),
    etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`,
  };
}

export class NetworkSource {
  readonly model: NetworkModel;
  readonly warnings: readonly Issue[];
  /** The base network as JSON, serialized, compressed and tagged once (GET /api/network is asked often). */
  readonly modelJson: CachedBody;
  readonly geojson: CachedBody;
  /** The crossings with their capacity per direction, as JSON. */
  readonly crossingsJson: CachedBody;
  private readonly base: ParsedData;
  private readonly cache = new Map<string, NetworkModel>();

  /** Reads the base network; throws an InputError when it is not valid. */
  constructor(
    text: string,
    readonly file: string,
  ) {
    const { parsed, issues } = parseText(text, { file });
    if (!parsed) throw new InputError(issues);
    const checked = checkNetworkData(parsed, file);
    if (!checked.model) throw new InputError(checked.issues);
    this.base = parsed;
    this.model = checked.model;
    this.warnings = checked.issues;
    this.modelJson = cachedBody(this.model);
    this.geojson = cachedBody(toGeoJSON(this.model));
    this.crossingsJson = cachedBody({ crossings: crossingCapacities(this.model) });
  }

  get name(): string {
    return this.model.name ?? this.file;
  }

  /** Checks a scenario document: its form, then the base with it applied. Issues are located in it. */
  checkScenario(body: unknown): { scenario?: ScenarioModel; model?: NetworkModel; issues: readonly Issue[] } {
    const { scenario, issues } = parseScenario(body);
    if (!scenario) return { issues };
    const applied = applyScenario(this.base.data, scenario);
    if (!applied.network) return { issues: applied.issues };
    const tooBig = networkSizeIssues(applied.network);
    if (tooBig.length > 0) return { issues: tooBig };
    const result = validateNetwork(applied.network);
    return result.model
      ? { scenario, model: result.model, issues: result.issues }
      : { issues: result.issues };
  }

  /** The model with a stored scenario applied; `key` names the scenario's version for the cache. */
  modelWith(key: string, body: unknown): NetworkModel {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const { model, issues } = this.checkScenario(body);
    if (!model) throw new InputError(issues);
    if (this.cache.size >= 32) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, model);
    return model;
  }
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function sideView(from: string, to: string, s: SideCapacity) {
  return {
    from,
    to,
    operational_units_per_h: finite(s.operationalUnitsPerH),
    operational_t_per_year: finite(s.operationalTPerYear),
    declared_t_per_year: finite(s.declaredTPerYear),
    effective_t_per_year: finite(s.effectiveTPerYear),
    binding: s.binding,
  };
}

/** Each crossing's parameters and its capacity per direction: declared, operational, effective. */
export function crossingCapacities(model: NetworkModel) {
  const capacity = networkCapacity(compileNetwork(model));
  return model.crossings.map((c, i) => {
    const [forward, backward] = capacity.crossings[i]!.sides;
    const { provenance: _p, ...fields } = c as typeof c & { provenance?: unknown };
    return {
      ...fields,
      shared_declared_t_per_year: finite(capacity.crossings[i]!.sharedTPerYear),
      directions: [sideView(c.from, c.to, forward), ...(backward ? [sideView(c.to, c.from, backward)] : [])],
    };
  });
}
