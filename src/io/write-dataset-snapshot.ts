/**
 * Writing the snapshot of the embedded dataset (src/io/dataset-snapshot.ts), the build's last step:
 * the YAML parsed and validated once, and, with the code version of the build, the loaded network of
 * the default date solved once.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { solveLoadedStateCache } from '../flow/loaded-state-cache.js';
import { knownZoneOffsets } from '../model/calendar.js';
import { countryName } from '../model/country.js';
import { loadNetwork } from '../model/load.js';
import { DEFAULT_DATE } from '../model/timeline.js';
import { quotaTablesMade } from '../queueing/daily-quota-wait.js';
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_PATH,
  type Snapshot,
  textHash,
  type WholeModelFile,
  wholeModelPath,
  withoutProvenance,
} from './dataset-snapshot.js';

/**
 * Parses and validates the YAML and writes its snapshot. `codeVersion`: the version of the code
 * that will read it (the CLI bundle's); without one, no loaded state is cached.
 */
export function writeSnapshot(
  yamlPath: string,
  source: string,
  options: { path?: string; codeVersion?: string | undefined } = {},
): Snapshot {
  const path = options.path ?? SNAPSHOT_PATH;
  const text = readFileSync(yamlPath, 'utf8');
  const { model, warnings } = loadNetwork(text, source);
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    source,
    sha256: textHash(text),
    model: withoutProvenance(model),
    warnings: warnings.map(({ file: _file, ...rest }) => rest),
    code_version: options.codeVersion ?? null,
    loaded_state: options.codeVersion !== undefined ? solveLoadedStateCache(model, DEFAULT_DATE) : null,
    // the tables this process made, solving the loaded state and whatever the caller ran before (the
    // build: the default outlook), which a start that reads the cache would need again
    quota_tables: options.codeVersion !== undefined ? quotaTablesMade() : null,
    // every zone of the network was met while validating it (and compiling it, for the loaded state)
    zone_offsets:
      process.versions.tz !== undefined ? { tzdata: process.versions.tz, offsets: knownZoneOffsets() } : null,
    country_names:
      process.versions.cldr !== undefined
        ? {
            cldr: process.versions.cldr,
            names: Object.fromEntries(
              [...new Set(model.nodes.map((n) => n.country))].sort().map((c) => [c, countryName(c)]),
            ),
          }
        : null,
  };
  mkdirSync(dirname(path), { recursive: true });
  const whole: WholeModelFile = { sha256: snapshot.sha256, model };
  writeFileSync(wholeModelPath(path), `${JSON.stringify(whole)}\n`);
  writeFileSync(path, `${JSON.stringify(snapshot)}\n`);
  return snapshot;
}
