/** Reading a network together with an optional scenario overlay, from files. */
import { parse } from 'yaml';
import { InputError, type Issue } from '../model/issue.js';
import { loadNetwork } from '../model/load.js';
import { applyScenario, parseScenario, type ScenarioModel } from '../model/scenario.js';
import type { NetworkModel } from '../model/schema.js';
import { validateNetwork } from '../model/validate.js';
import { DEFAULT_NETWORK, displayPath, readNetworkFile, readText } from './network-file.js';

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
  const scenarioText = readText(scenarioPath);
  const located = (issues: readonly Issue[], file: string) => issues.map((i) => ({ ...i, file }));
  let scenarioData: unknown;
  try {
    scenarioData = parse(scenarioText);
  } catch (e) {
    throw new InputError([
      {
        code: 'parse_error',
        path: '',
        message: `${(e as Error).message.split('\n')[0]}: fix the YAML syntax`,
        severity: 'error',
        file: shown,
      },
    ]);
  }
  const { scenario, issues } = parseScenario(scenarioData);
  if (!scenario) throw new InputError(located(issues, shown));
  // The base must be valid on its own before the overlay is applied.
  const baseText = readText(networkPath);
  loadNetwork(baseText, displayPath(networkPath));
  const applied = applyScenario(parse(baseText), scenario);
  if (!applied.network) throw new InputError(located(applied.issues, shown));
  const result = validateNetwork(applied.network);
  const tagged = result.issues.map((i) => ({
    ...i,
    file: `${shown} (applied to ${displayPath(networkPath)})`,
  }));
  if (!result.model) throw new InputError(tagged);
  return { model: result.model, warnings: tagged, scenario };
}
