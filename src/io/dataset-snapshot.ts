/**
 * The embedded dataset compiled at build time: `npm run build` parses and validates
 * data/eurasia/network.yaml once and writes the validated model, with the SHA-256 of the YAML it
 * came from, to dist/data/eurasia.json (src/io/write-dataset-snapshot.ts). A command that reads the
 * default network uses the snapshot when the YAML's hash still matches (and no limit is set below
 * its default, since a lower limit must be able to refuse the file); otherwise it parses the YAML as
 * always. The YAML stays the source; the snapshot only saves parsing and validating it on every
 * start, so reading it needs neither the YAML parser nor the zod schemas.
 *
 * The snapshot also holds a cache: the equilibrium of the loaded network on the default date
 * (flow/loaded-state-cache.ts), keyed by the YAML's hash and by the version of the code that solved
 * it, and used only by code of that same version (src/io/code-version.ts: the bundled CLI and the
 * compiled modules of the same build carry it), with the daily-quota wait tables the build made
 * (queueing/daily-quota-wait.ts): solving it, and the default outlook (scripts/compile-dataset.mjs). And the UTC offsets of the network's time zones
 * (model/calendar.ts), keyed by the version of the time-zone data that gave them
 * (`process.versions.tz`), used only under that same version; and the English names of its countries
 * (model/country.ts), keyed likewise by the version of the locale data (`process.versions.cldr`).
 *
 * The sources and the provenance of every figure are two thirds of the model's text and nothing a
 * computation reads, so the snapshot holds the model without them, and the whole model beside it
 * (dist/data/eurasia.provenance.json): a command that shows no provenance (a route question) parses
 * 130 kB instead of 420 kB; every other command reads the whole model, as from the YAML.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { LoadedStateCacheJson } from '../flow/loaded-state-cache.js';
import type { ZoneOffset } from '../model/calendar.js';
import type { Issue } from '../model/issue.js';
import { currentLimits, DEFAULT_LIMITS, LIMIT_NAMES } from '../model/limits.js';
import type { NetworkModel } from '../model/schema.js';
import type { QuotaTableJson } from '../queueing/daily-quota-wait.js';
import { CODE_VERSION } from './code-version.js';

export const SNAPSHOT_FORMAT = 'caravan-snapshot/3';

/** Next to the compiled code: dist/data/eurasia.json for dist/io (none beside src/io, so tests of the source parse). */
export const SNAPSHOT_PATH = fileURLToPath(new URL('../data/eurasia.json', import.meta.url));

/** The whole model, sources and provenance included, beside the snapshot. */
export function wholeModelPath(snapshotPath: string): string {
  return snapshotPath.replace(/\.json$/, '.provenance.json');
}

/** The file of the whole model: the hash of the YAML it was made from, and the model. */
export interface WholeModelFile {
  readonly sha256: string;
  readonly model: NetworkModel;
}

export interface Snapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly source: string;
  readonly sha256: string;
  /** The model without its sources and provenance (see withoutProvenance). */
  readonly model: NetworkModel;
  /** The warnings of validation, without their file (the path shown depends on the working directory). */
  readonly warnings: readonly Omit<Issue, 'file'>[];
  /** The version of the code that solved `loaded_state`; null when the build gave none. */
  readonly code_version: string | null;
  /** The cached loaded network of the default date; null without a code version. */
  readonly loaded_state: LoadedStateCacheJson | null;
  /** The daily-quota wait tables the build made (same code version); absent in older snapshots. */
  readonly quota_tables?: readonly QuotaTableJson[] | null;
  /** The offsets of the network's time zones and the time-zone data version that gave them. */
  readonly zone_offsets: { readonly tzdata: string; readonly offsets: readonly ZoneOffset[] } | null;
  /** The names of the network's countries, by code, and the locale data version that gave them. */
  readonly country_names?: { readonly cldr: string; readonly names: Readonly<Record<string, string>> } | null;
}

/**
 * node:crypto, loaded on first use: loading it takes some 5 ms, which only a command that hashes (one
 * reading the embedded dataset) need spend, not one reading a network file of its own.
 */
let crypto: typeof import('node:crypto') | undefined;

/**
 * The SHA-256 of a text (of its UTF-8 bytes), or of the bytes of a file: the same for a file that
 * decodes to the text (input files are UTF-8 without a byte-order mark), so the snapshot can be
 * matched against the file's bytes without decoding them.
 */
export function textHash(text: string | Uint8Array): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(text).digest('hex');
}

/**
 * The model without its sources and the provenance of its entries (at every depth: directions and
 * dated changes carry their own): what a computation reads, and nothing else.
 */
export function withoutProvenance(model: NetworkModel): NetworkModel {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (key !== 'provenance') out[key] = strip(v);
    return out;
  };
  return { ...(strip(model) as NetworkModel), sources: [] };
}

export interface SnapshotOptions {
  /** The snapshot file (default: the build's, SNAPSHOT_PATH). */
  readonly path?: string;
  /** The version of the running code (default: CODE_VERSION), for the cached loaded state. */
  readonly codeVersion?: string | undefined;
  /** The running time-zone data version (default: process.versions.tz), for the zones' offsets. */
  readonly tzdata?: string | undefined;
  /** The running locale data version (default: process.versions.cldr), for the countries' names. */
  readonly cldr?: string | undefined;
  /** False: the model without its sources and provenance will do (default: the whole model). */
  readonly provenance?: boolean;
}

export interface SnapshotNetwork {
  /** The whole model, or without its sources and provenance when asked (SnapshotOptions.provenance). */
  readonly model: NetworkModel;
  readonly warnings: Issue[];
  /** The cached loaded state, when the snapshot's code version is the running code's. */
  readonly loadedState?: LoadedStateCacheJson;
  /** The quota wait tables, under the same condition. */
  readonly quotaTables?: readonly QuotaTableJson[];
  /** The time zones' offsets, when the snapshot's time-zone data version is the running one's. */
  readonly zoneOffsets?: readonly ZoneOffset[];
  /** The countries' names, when the snapshot's locale data version is the running one's. */
  readonly countryNames?: Readonly<Record<string, string>>;
}

/**
 * The validated network of the default dataset from the snapshot, when it was made from exactly
 * this text (or these bytes of the file) and the limits are not below their defaults; undefined
 * otherwise.
 */
export function readSnapshot(
  text: string | Uint8Array,
  file: string,
  options: SnapshotOptions = {},
): SnapshotNetwork | undefined {
  const path = options.path ?? SNAPSHOT_PATH;
  const codeVersion = 'codeVersion' in options ? options.codeVersion : CODE_VERSION;
  const tzdata = 'tzdata' in options ? options.tzdata : process.versions.tz;
  const cldr = 'cldr' in options ? options.cldr : process.versions.cldr;
  const limits = currentLimits();
  if (LIMIT_NAMES.some((name) => limits[name] < DEFAULT_LIMITS[name])) return undefined;
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  } catch {
    return undefined;
  }
  const sha256 = textHash(text);
  if (snapshot.format !== SNAPSHOT_FORMAT || snapshot.sha256 !== sha256) return undefined;
  let model = snapshot.model;
  if (options.provenance !== false) {
    let whole: WholeModelFile;
    try {
      whole = JSON.parse(readFileSync(wholeModelPath(path), 'utf8')) as WholeModelFile;
    } catch {
      return undefined;
    }
    if (whole.sha256 !== sha256) return undefined;
    model = whole.model;
  }
  const warnings = snapshot.warnings.map(({ line, ...rest }) => ({
    ...rest,
    file,
    ...(line !== undefined ? { line } : {}),
  }));
  const cached =
    codeVersion !== undefined && snapshot.code_version === codeVersion && snapshot.loaded_state !== null
      ? {
          loadedState: snapshot.loaded_state,
          ...(snapshot.quota_tables ? { quotaTables: snapshot.quota_tables } : {}),
        }
      : {};
  const zones = snapshot.zone_offsets;
  const offsets =
    zones !== null && zones !== undefined && tzdata !== undefined && zones.tzdata === tzdata
      ? { zoneOffsets: zones.offsets }
      : {};
  const countries = snapshot.country_names;
  const names =
    countries !== null && countries !== undefined && cldr !== undefined && countries.cldr === cldr
      ? { countryNames: countries.names }
      : {};
  return { model, warnings, ...cached, ...offsets, ...names };
}
