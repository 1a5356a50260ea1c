/** Reading a network together with an optional scenario overlay, from files. */
import { type LoadedNetwork, loadNetworkWithScenario } from '../model/scenario-load.js';
import { displayPath, readDataFile } from './input-file.js';
import { DEFAULT_NETWORK, readNetworkFile, readText } from './network-file.js';

export type { LoadedNetwork } from '../model/scenario-load.js';

/** Reads a network file and, when given, applies a scenario file to it; throws InputError on any problem. */
export function readNetworkWithScenario(
  networkPath: string = DEFAULT_NETWORK,
  scenarioPath?: string,
): LoadedNetwork {
  if (scenarioPath === undefined) return readNetworkFile(networkPath);
  const { parsed } = readDataFile(scenarioPath);
  return loadNetworkWithScenario(parsed, displayPath(scenarioPath), () => ({
    text: readText(networkPath),
    file: displayPath(networkPath),
  }));
}
