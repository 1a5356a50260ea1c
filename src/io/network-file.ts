/**
 * Reading network files from disk, and where the embedded default dataset lives. The only place
 * the model layer touches the file system.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rememberLoadedState } from '../flow/loaded-state-cache.js';
import type { Issue } from '../model/issue.js';
import { type LoadResult, loadNetwork, parseNetwork } from '../model/load.js';
import type { NetworkModel } from '../model/schema.js';
import { readSnapshot } from './dataset-snapshot.js';
import { displayPath, readInputFile } from './input-file.js';

export { displayPath } from './input-file.js';

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The embedded default network: the China–Europe corridors through Kazakhstan. */
export const DEFAULT_NETWORK = join(PACKAGE_ROOT, 'data', 'eurasia', 'network.yaml');

/** The text of a network file; throws an InputError naming the file when it cannot be read. */
export function readText(path: string): string {
  return readInputFile(path, { missingHint: 'or leave it out to use the embedded default network' });
}

/** Reads and validates a network file, returning every issue (never throws for a bad network). */
export function checkNetworkFile(path: string = DEFAULT_NETWORK): LoadResult {
  return parseNetwork(readText(path), displayPath(path));
}

/** Reads a network file; throws InputError listing every problem when it is not valid. */
export function readNetworkFile(path: string = DEFAULT_NETWORK): {
  model: NetworkModel;
  warnings: readonly Issue[];
} {
  const text = readText(path);
  const shown = displayPath(path);
  // The embedded dataset was validated at build time: its snapshot is used while the YAML is unchanged.
  const snapshot = resolve(path) === DEFAULT_NETWORK ? readSnapshot(text, shown) : undefined;
  if (snapshot === undefined) return loadNetwork(text, shown);
  if (snapshot.loadedState !== undefined) rememberLoadedState(snapshot.model, snapshot.loadedState);
  return { model: snapshot.model, warnings: snapshot.warnings };
}
