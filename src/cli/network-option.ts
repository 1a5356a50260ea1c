/** The `--network FILE` and `--scenario FILE` options every command that reads a network shares. */
import type { Command } from 'commander';
import { DEFAULT_NETWORK } from '../io/network-file.js';
import { type LoadedNetwork, readNetworkWithScenario } from '../io/scenario-file.js';
import { warnImplausible } from './output.js';

export interface NetworkOptions {
  readonly network?: string;
  readonly scenario?: string | readonly string[];
}

/** Help text of `--scenario`. */
export const SCENARIO_HELP =
  'a scenario: a file (caravan-scenario/1) or a built-in name (see caravan scenarios); repeatable, applied in order';

/** Collects a repeatable option's values. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function addNetworkOptions(command: Command): Command {
  return command
    .option('--network <file>', 'network file, YAML or JSON (default: the embedded Eurasia network)')
    .option('--scenario <file|name>', SCENARIO_HELP, collect);
}

export function loadNetworkOption(opts: NetworkOptions): LoadedNetwork {
  const loaded = readNetworkWithScenario(opts.network ?? DEFAULT_NETWORK, opts.scenario);
  warnImplausible(loaded.warnings);
  return loaded;
}
