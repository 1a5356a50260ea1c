/**
 * A network with a scenario overlay applied, from text: the scenario is read and checked first, then
 * the base (which must be valid on its own), then the overlay is applied and the result validated.
 * Every issue names its file and line. Pure: the caller reads the files.
 */
import { InputError, type Issue } from './issue.js';
import { networkSizeIssues } from './limits.js';
import { checkNetworkData, type ParsedData, parseText } from './load.js';
import { applyScenario, parseScenario, type ScenarioModel } from './scenario.js';
import type { NetworkModel } from './schema.js';
import { validateNetwork } from './validate.js';

export interface LoadedNetwork {
  readonly model: NetworkModel;
  readonly warnings: readonly Issue[];
  readonly scenario?: ScenarioModel;
}

/** Text and the name of the file it came from (shown in issues). */
export interface NamedText {
  readonly text: string;
  readonly file: string;
}

/**
 * Applies a parsed scenario to a base network given as text (read on demand, so that a scenario's
 * own mistakes are reported before the base is even read); throws InputError on any problem.
 */
export function loadNetworkWithScenario(
  scenarioData: ParsedData,
  scenarioFile: string,
  base: () => NamedText,
): LoadedNetwork {
  const located = (issues: readonly Issue[]) =>
    issues.map((i) => {
      const line = scenarioData.lineOf(i.path);
      return { ...i, file: scenarioFile, ...(line !== undefined ? { line } : {}) };
    });
  const { scenario, issues } = parseScenario(scenarioData.data);
  if (!scenario) throw new InputError(located(issues));
  // The base must be valid on its own before the overlay is applied.
  const { text, file: baseFile } = base();
  const { parsed, issues: baseSyntax } = parseText(text, { file: baseFile });
  if (!parsed) throw new InputError(baseSyntax);
  const checked = checkNetworkData(parsed, baseFile);
  if (!checked.model) throw new InputError(checked.issues);
  const applied = applyScenario(parsed.data, scenario);
  if (!applied.network) throw new InputError(located(applied.issues));
  const file = `${scenarioFile} (applied to ${baseFile})`;
  const tooBig = networkSizeIssues(applied.network);
  if (tooBig.length > 0) throw new InputError(tooBig.map((i) => ({ ...i, file })));
  const result = validateNetwork(applied.network);
  const tagged = result.issues.map((i) => ({ ...i, file }));
  if (!result.model) throw new InputError(tagged);
  return { model: result.model, warnings: tagged, scenario };
}

/** Like {@link loadNetworkWithScenario}, the scenario given as text. */
export function loadNetworkWithScenarioText(scenario: NamedText, base: () => NamedText): LoadedNetwork {
  const { parsed, issues } = parseText(scenario.text, { file: scenario.file });
  if (!parsed) throw new InputError(issues);
  return loadNetworkWithScenario(parsed, scenario.file, base);
}
