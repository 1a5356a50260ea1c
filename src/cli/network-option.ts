/** The `--network FILE` and `--scenario FILE` options every command that reads a network shares. */
import type { Command } from 'commander';
import { DEFAULT_NETWORK, readEmbeddedNetwork } from '../io/embedded-network.js';
import type { LoadedNetwork } from '../model/scenario-load.js';
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

/**
 * The network the options name, with its scenarios applied. The embedded network without a scenario
 * comes from the build's snapshot; the YAML parser and the schemas are loaded only for anything else.
 * `provenance: false`, for a command that shows no sources or provenance: the embedded network may
 * come without them (a file is read whole in any case).
 */
export async function loadNetworkOption(
  opts: NetworkOptions,
  read: { readonly provenance?: boolean } = {},
): Promise<LoadedNetwork> {
  const path = opts.network ?? DEFAULT_NETWORK;
  const scenarios = opts.scenario === undefined ? [] : [opts.scenario].flat();
  const loaded =
    (scenarios.length === 0 ? readEmbeddedNetwork(path, undefined, read) : undefined) ??
    (await import('../io/scenario-file.js')).readNetworkWithScenario(path, opts.scenario);
  warnImplausible(loaded.warnings);
  return loaded;
}
