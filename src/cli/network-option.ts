/** The `--network FILE` and `--scenario FILE` options every command that reads a network shares. */
import type { Command } from 'commander';
import { DEFAULT_NETWORK } from '../io/network-file.js';
import { type LoadedNetwork, readNetworkWithScenario } from '../io/scenario-file.js';
import { warnImplausible } from './output.js';

export interface NetworkOptions {
  readonly network?: string;
  readonly scenario?: string;
}

export function addNetworkOptions(command: Command): Command {
  return command
    .option('--network <file>', 'network file, YAML or JSON (default: the embedded Eurasia network)')
    .option('--scenario <file>', 'a scenario overlay (caravan-scenario/1) applied to the network');
}

export function loadNetworkOption(opts: NetworkOptions): LoadedNetwork {
  const loaded = readNetworkWithScenario(opts.network ?? DEFAULT_NETWORK, opts.scenario);
  warnImplausible(loaded.warnings);
  return loaded;
}
