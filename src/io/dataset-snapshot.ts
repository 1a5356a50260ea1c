/**
 * The embedded dataset compiled at build time: `npm run build` parses and validates
 * data/eurasia/network.yaml once and writes the validated model, with the SHA-256 of the YAML it
 * came from, to dist/data/eurasia.json. A command that reads the default network uses the snapshot
 * when the YAML's hash still matches (and no limit is set below its default, since a lower limit
 * must be able to refuse the file); otherwise it parses the YAML as always. The YAML stays the
 * source; the snapshot only saves parsing and validating it on every start.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue } from '../model/issue.js';
import { currentLimits, DEFAULT_LIMITS, LIMIT_NAMES } from '../model/limits.js';
import { loadNetwork } from '../model/load.js';
import type { NetworkModel } from '../model/schema.js';

export const SNAPSHOT_FORMAT = 'caravan-snapshot/1';

/** Next to the compiled code: dist/data/eurasia.json for dist/io (none beside src/io, so tests of the source parse). */
const SNAPSHOT_PATH = fileURLToPath(new URL('../data/eurasia.json', import.meta.url));

interface Snapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly source: string;
  readonly sha256: string;
  readonly model: NetworkModel;
  /** The warnings of validation, without their file (the path shown depends on the working directory). */
  readonly warnings: readonly Omit<Issue, 'file'>[];
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The validated network of the default dataset from the snapshot, when it was made from exactly
 * this text and the limits are not below their defaults; undefined otherwise.
 */
export function readSnapshot(
  text: string,
  file: string,
  path = SNAPSHOT_PATH,
): { model: NetworkModel; warnings: Issue[] } | undefined {
  const limits = currentLimits();
  if (LIMIT_NAMES.some((name) => limits[name] < DEFAULT_LIMITS[name])) return undefined;
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  } catch {
    return undefined;
  }
  if (snapshot.format !== SNAPSHOT_FORMAT || snapshot.sha256 !== textHash(text)) return undefined;
  const warnings = snapshot.warnings.map(({ line, ...rest }) => ({
    ...rest,
    file,
    ...(line !== undefined ? { line } : {}),
  }));
  return { model: snapshot.model, warnings };
}

/** Parses and validates the YAML and writes its snapshot (the build's last step). */
export function writeSnapshot(yamlPath: string, source: string, path = SNAPSHOT_PATH): void {
  const text = readFileSync(yamlPath, 'utf8');
  const { model, warnings } = loadNetwork(text, source);
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    source,
    sha256: textHash(text),
    model,
    warnings: warnings.map(({ file: _file, ...rest }) => rest),
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(snapshot)}\n`);
}
