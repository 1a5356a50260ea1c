/**
 * Reading network files from disk, and where the embedded default dataset lives. The only place
 * the model layer touches the file system.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, type Issue, issue } from '../model/issue.js';
import { type LoadResult, loadNetwork, parseNetwork } from '../model/load.js';
import type { NetworkModel } from '../model/schema.js';

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The embedded default network: the China–Europe corridors through Kazakhstan. */
export const DEFAULT_NETWORK = join(PACKAGE_ROOT, 'data', 'eurasia', 'network.yaml');

/** A path as a person would like to read it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

export function readText(path: string): string {
  const shown = displayPath(path);
  if (!existsSync(path)) {
    throw new InputError([
      {
        ...issue(
          'file_not_found',
          '',
          `no such file: check the path, or leave it out to use the embedded default network`,
        ),
        file: shown,
      },
    ]);
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError([
      { ...issue('file_unreadable', '', `cannot read the file (${(e as Error).message})`), file: shown },
    ]);
  }
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
  return loadNetwork(readText(path), displayPath(path));
}
