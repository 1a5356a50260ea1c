/** Reading a network together with scenario overlays (files or built-in names), from files. */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { InputError, type Issue, issue } from '../model/issue.js';
import { networkSizeIssues } from '../model/limits.js';
import { checkNetworkData, type ParsedData, parseText } from '../model/load.js';
import { applyScenario, parseScenario, type ScenarioModel, scenarioPath } from '../model/scenario.js';
import type { NetworkModel } from '../model/schema.js';
import { didYouMean } from '../model/suggest.js';
import { validateNetwork } from '../model/validate.js';
import { displayPath, readDataFile } from './input-file.js';
import { DEFAULT_NETWORK, readNetworkFile, readText } from './network-file.js';

export interface LoadedNetwork {
  readonly model: NetworkModel;
  readonly warnings: readonly Issue[];
  /** The last scenario applied (all of them in `scenarios`). */
  readonly scenario?: ScenarioModel;
  readonly scenarios?: readonly LoadedScenario[];
}

export interface LoadedScenario {
  /** Built-in name, or the file's name without its extension. */
  readonly name: string;
  readonly file: string;
  readonly scenario: ScenarioModel;
  /** The scenario as read (plain data), to hand to a use case. */
  readonly data: unknown;
}

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
export function readScenario(arg: string, option = '--scenario'): LoadedScenario & { parsed: ParsedData } {
  const { path, name } = resolveScenarioPath(arg, option);
  const file = displayPath(path);
  const { parsed } = readDataFile(path);
  const { scenario, issues } = parseScenario(parsed.data);
  if (!scenario) throw new InputError(locate(issues, parsed, file));
  return { name, file, scenario, data: parsed.data, parsed };
}

function locate(issues: readonly Issue[], parsed: ParsedData, file: string): Issue[] {
  return issues.map((i) => {
    const line = parsed.lineOf(i.path);
    return { ...i, file, ...(line !== undefined ? { line } : {}) };
  });
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
  // The base must be valid on its own before the overlays are applied.
  const baseShown = displayPath(networkPath);
  const { parsed: base, issues: baseSyntax } = parseText(readText(networkPath), { file: baseShown });
  if (!base) throw new InputError(baseSyntax);
  const checked = checkNetworkData(base, baseShown);
  if (!checked.model) throw new InputError(checked.issues);
  let data: unknown = base.data;
  let model: NetworkModel = checked.model;
  let warnings: Issue[] = [];
  for (const s of scenarios) {
    const applied = applyScenario(data, s.scenario);
    if (!applied.network) throw new InputError(locate(applied.issues, s.parsed, s.file));
    const onto = `${s.file} (applied to ${baseShown})`;
    const tooBig = networkSizeIssues(applied.network);
    if (tooBig.length > 0) throw new InputError(tooBig.map((i) => ({ ...i, file: onto })));
    const result = validateNetwork(applied.network);
    const tagged = result.issues.map((i) => {
      const inScenario = scenarioPath(applied.network!, s.scenario, i.path);
      if (inScenario === undefined) return { ...i, file: onto };
      const line = s.parsed.lineOf(inScenario);
      return { ...i, path: inScenario, file: s.file, ...(line !== undefined ? { line } : {}) };
    });
    if (!result.model) throw new InputError(tagged);
    data = applied.network;
    model = result.model;
    warnings = tagged;
  }
  return {
    model,
    warnings,
    scenario: scenarios.at(-1)!.scenario,
    scenarios: scenarios.map(({ parsed: _, ...s }) => s),
  };
}
