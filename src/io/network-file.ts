/**
 * Reading network files from disk. The only place the model layer touches the file system; the
 * embedded default network, validated at build time, is read from its snapshot while its YAML is
 * unchanged (embedded-network.ts).
 */
import type { Issue } from '../model/issue.js';
import { type LoadResult, loadNetwork, parseNetwork } from '../model/load.js';
import type { NetworkModel } from '../model/schema.js';
import { DEFAULT_NETWORK, readEmbeddedNetwork, readText } from './embedded-network.js';
import { displayPath } from './input-file.js';

export { DEFAULT_NETWORK, readText } from './embedded-network.js';
export { displayPath } from './input-file.js';

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
  return readEmbeddedNetwork(path, text) ?? loadNetwork(text, displayPath(path));
}
