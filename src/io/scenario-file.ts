/** Reading a network together with an optional scenario overlay, from files. */
import { InputError, type Issue } from '../model/issue.js';
import { networkSizeIssues } from '../model/limits.js';
import { checkNetworkData, parseText } from '../model/load.js';
import { applyScenario, parseScenario, type ScenarioModel } from '../model/scenario.js';
import type { NetworkModel } from '../model/schema.js';
import { validateNetwork } from '../model/validate.js';
import { displayPath, readDataFile } from './input-file.js';
import { DEFAULT_NETWORK, readNetworkFile, readText } from './network-file.js';

export interface LoadedNetwork {
  readonly model: NetworkModel;
  readonly warnings: readonly Issue[];
  readonly scenario?: ScenarioModel;
}

/** Reads a network file and, when given, applies a scenario file to it; throws InputError on any problem. */
export function readNetworkWithScenario(
  networkPath: string = DEFAULT_NETWORK,
  scenarioPath?: string,
): LoadedNetwork {
  if (scenarioPath === undefined) return readNetworkFile(networkPath);
  const shown = displayPath(scenarioPath);
  const { parsed: scenarioData } = readDataFile(scenarioPath);
  const located = (issues: readonly Issue[]) =>
    issues.map((i) => {
      const line = scenarioData.lineOf(i.path);
      return { ...i, file: shown, ...(line !== undefined ? { line } : {}) };
    });
  const { scenario, issues } = parseScenario(scenarioData.data);
  if (!scenario) throw new InputError(located(issues));
  // The base must be valid on its own before the overlay is applied.
  const baseShown = displayPath(networkPath);
  const { parsed: base, issues: baseSyntax } = parseText(readText(networkPath), { file: baseShown });
  if (!base) throw new InputError(baseSyntax);
  const checked = checkNetworkData(base, baseShown);
  if (!checked.model) throw new InputError(checked.issues);
  const applied = applyScenario(base.data, scenario);
  if (!applied.network) throw new InputError(located(applied.issues));
  const file = `${shown} (applied to ${baseShown})`;
  const tooBig = networkSizeIssues(applied.network);
  if (tooBig.length > 0) throw new InputError(tooBig.map((i) => ({ ...i, file })));
  const result = validateNetwork(applied.network);
  const tagged = result.issues.map((i) => ({ ...i, file }));
  if (!result.model) throw new InputError(tagged);
  return { model: result.model, warnings: tagged, scenario };
}
