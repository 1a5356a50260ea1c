/**
 * The embedded default network (the China–Europe corridors through Kazakhstan): where its YAML lives,
 * and its validated model read from the build's snapshot (dataset-snapshot.ts) without loading the
 * YAML parser or the schemas. A command that reads nothing else starts from here.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rememberLoadedState } from '../flow/loaded-state-cache.js';
import { rememberZoneOffsets } from '../model/calendar.js';
import { rememberCountryNames } from '../model/country.js';
import type { Issue } from '../model/issue.js';
import type { NetworkModel } from '../model/schema.js';
import { rememberQuotaTables } from '../queueing/daily-quota-wait.js';
import { readSnapshot } from './dataset-snapshot.js';
import { displayPath, readInputFile } from './input-file.js';

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The embedded default network: the China–Europe corridors through Kazakhstan. */
export const DEFAULT_NETWORK = join(PACKAGE_ROOT, 'data', 'eurasia', 'network.yaml');

/** The text of a network file; throws an InputError naming the file when it cannot be read. */
export function readText(path: string): string {
  return readInputFile(path, { missingHint: 'or leave it out to use the embedded default network' });
}

/** The bytes of a file, or undefined when it cannot be read (reading it as text then says why). */
function readBytes(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The embedded network from the snapshot, when `path` is the embedded network and the snapshot was
 * made from its text (see readSnapshot: its bytes are compared, so they need no decoding); undefined
 * otherwise, and then the file is parsed as any other. The snapshot's cached loaded state, if any, is
 * remembered for the model it returns, with its quota wait tables, and its time zones' offsets and its
 * countries' names for the process. `provenance: false`: the model without its sources and
 * provenance will do (a command that shows neither; see readSnapshot).
 */
export function readEmbeddedNetwork(
  path: string,
  text?: string,
  options: { readonly provenance?: boolean } = {},
): { model: NetworkModel; warnings: readonly Issue[] } | undefined {
  if (resolve(path) !== DEFAULT_NETWORK) return undefined;
  const snapshot = readSnapshot(text ?? readBytes(path) ?? readText(path), displayPath(path), options);
  if (snapshot === undefined) return undefined;
  if (snapshot.loadedState !== undefined) rememberLoadedState(snapshot.model, snapshot.loadedState);
  if (snapshot.quotaTables !== undefined) rememberQuotaTables(snapshot.quotaTables);
  if (snapshot.zoneOffsets !== undefined) rememberZoneOffsets(snapshot.zoneOffsets);
  if (snapshot.countryNames !== undefined) rememberCountryNames(snapshot.countryNames);
  return { model: snapshot.model, warnings: snapshot.warnings };
}
