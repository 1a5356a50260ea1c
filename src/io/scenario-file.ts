/** Reading a network together with scenario overlays (files or built-in names), from files. */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { InputError, issue } from '../model/issue.js';
import {
  applyScenarios,
  type LoadedNetwork,
  type ScenarioSource,
  scenarioSource,
} from '../model/scenario-load.js';
import { didYouMean } from '../model/suggest.js';
import { readDataFile } from './data-file.js';
import { displayPath } from './input-file.js';
import { DEFAULT_NETWORK, readNetworkFile, readText } from './network-file.js';

export type { LoadedNetwork, LoadedScenario } from '../model/scenario-load.js';

/** The built-in scenarios of the default network: data/eurasia/scenarios/*.yaml. */
export const BUILT_IN_SCENARIOS_DIR = join(dirname(DEFAULT_NETWORK), 'scenarios');

/** Names of the built-in scenarios, sorted. */
export function builtInScenarioNames(): string[] {
  if (!existsSync(BUILT_IN_SCENARIOS_DIR)) return [];
  return readdirSync(BUILT_IN_SCENARIOS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** A built-in scenario as listed (`caravan scenarios`, `GET /api/scenarios/built-in`). */
export interface BuiltInScenario {
  readonly name: string;
  readonly title: string;
  readonly description: string | null;
  readonly date: string | null;
  readonly file: string;
  /** The scenario as read (plain data). */
  readonly data: unknown;
}

/** Every built-in scenario, read and parsed, by name. */
export function builtInScenarios(): BuiltInScenario[] {
  return builtInScenarioNames().map((name) => {
    const s = readScenario(name);
    return {
      name,
      title: s.scenario.name,
      description: s.scenario.description ?? null,
      date: s.scenario.date ?? null,
      file: s.file,
      data: s.data,
    };
  });
}

/**
 * The file a `--scenario` argument names: an existing file, else a built-in scenario's name; an
 * issue (at `option`) listing the built-in names when it is neither.
 */
export function resolveScenarioPath(arg: string, option = '--scenario'): { path: string; name: string } {
  if (existsSync(arg)) return { path: arg, name: basename(arg, extname(arg)) };
  const names = builtInScenarioNames();
  if (names.includes(arg)) return { path: join(BUILT_IN_SCENARIOS_DIR, `${arg}.yaml`), name: arg };
  // A path (with a directory or an extension) that does not exist is reported by the file reader.
  if (/[/\\.]/.test(arg)) return { path: arg, name: basename(arg, extname(arg)) };
  throw new InputError([
    issue(
      'invalid_option',
      option,
      `no scenario "${arg}"${didYouMean(arg, names)}: give a scenario file or a built-in name (${names.join(', ')}; see caravan scenarios)`,
    ),
  ]);
}

/** Reads and parses one scenario file; issues carry the file and line. */
export function readScenario(arg: string, option = '--scenario'): ScenarioSource {
  const { path, name } = resolveScenarioPath(arg, option);
  const { parsed } = readDataFile(path);
  return scenarioSource(parsed, displayPath(path), name);
}

/**
 * Reads a network file and applies the scenarios (files or built-in names) in order; throws
 * InputError on any problem. A problem a scenario causes is reported in the scenario: its file,
 * line and a path into it.
 */
export function readNetworkWithScenario(
  networkPath: string = DEFAULT_NETWORK,
  scenarioArgs?: string | readonly string[],
): LoadedNetwork {
  const args =
    scenarioArgs === undefined ? [] : typeof scenarioArgs === 'string' ? [scenarioArgs] : scenarioArgs;
  if (args.length === 0) return readNetworkFile(networkPath);
  const scenarios = args.map((a) => readScenario(a));
  return applyScenarios({ text: readText(networkPath), file: displayPath(networkPath) }, scenarios);
}
