/**
 * A network with scenario overlays applied in order, from parsed text: each scenario is checked
 * first, then the base (which must be valid on its own), then the overlays are applied one by one
 * and each result validated. A problem a scenario causes is reported in the scenario: its file, line
 * and a path into it. Pure: the caller reads the files (src/io/scenario-file.ts, or an HTTP body).
 */
import { InputError, type Issue } from './issue.js';
import { networkSizeIssues } from './limits.js';
import { checkNetworkData, type ParsedData, parseText } from './load.js';
import { applyScenario, parseScenario, type ScenarioModel, scenarioPath } from './scenario.js';
import type { NetworkModel } from './schema.js';
import { validateNetwork } from './validate.js';

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

/** A scenario parsed and checked, with the text positions its issues are reported at. */
export interface ScenarioSource extends LoadedScenario {
  readonly parsed: ParsedData;
}

/** Text and the name of the file it came from (shown in issues). */
export interface NamedText {
  readonly text: string;
  readonly file: string;
}

function locate(issues: readonly Issue[], parsed: ParsedData, file: string): Issue[] {
  return issues.map((i) => {
    const line = parsed.lineOf(i.path);
    return { ...i, file, ...(line !== undefined ? { line } : {}) };
  });
}

/** Checks a parsed scenario; throws InputError with its file and lines when it is not one. */
export function scenarioSource(parsed: ParsedData, file: string, name: string): ScenarioSource {
  const { scenario, issues } = parseScenario(parsed.data);
  if (!scenario) throw new InputError(locate(issues, parsed, file));
  return { name, file, scenario, data: parsed.data, parsed };
}

/** Parses and checks a scenario given as text. */
export function scenarioFromText(source: NamedText, name = source.file): ScenarioSource {
  const { parsed, issues } = parseText(source.text, { file: source.file });
  if (!parsed) throw new InputError(issues);
  return scenarioSource(parsed, source.file, name);
}

/**
 * Applies checked scenarios, in order, to a base network given as text; throws InputError on any
 * problem.
 */
export function applyScenarios(base: NamedText, scenarios: readonly ScenarioSource[]): LoadedNetwork {
  // The base must be valid on its own before the overlays are applied.
  const { parsed, issues: baseSyntax } = parseText(base.text, { file: base.file });
  if (!parsed) throw new InputError(baseSyntax);
  const checked = checkNetworkData(parsed, base.file);
  if (!checked.model) throw new InputError(checked.issues);
  let data: unknown = parsed.data;
  let model: NetworkModel = checked.model;
  let warnings: Issue[] = [...checked.issues];
  for (const s of scenarios) {
    const applied = applyScenario(data, s.scenario);
    if (!applied.network) throw new InputError(locate(applied.issues, s.parsed, s.file));
    const onto = `${s.file} (applied to ${base.file})`;
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
  const last = scenarios.at(-1);
  return {
    model,
    warnings,
    ...(last ? { scenario: last.scenario } : {}),
    ...(scenarios.length > 0 ? { scenarios: scenarios.map(({ parsed: _, ...s }) => s) } : {}),
  };
}

/**
 * One scenario given as text applied to a base given as text; the scenario's own mistakes are
 * reported before the base is read.
 */
export function loadNetworkWithScenarioText(scenario: NamedText, base: () => NamedText): LoadedNetwork {
  const source = scenarioFromText(scenario);
  return applyScenarios(base(), [source]);
}
