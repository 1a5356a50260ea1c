/** `caravan validate [FILE]`: check a network file's form and meaning, listing every problem. */
import type { Command } from 'commander';
import { checkNetworkFile, DEFAULT_NETWORK, displayPath } from '../io/network-file.js';
import { readNetworkWithScenario } from '../io/scenario-file.js';
import { formatIssue, hasErrors, InputError, type Issue } from '../model/issue.js';
import type { NetworkModel } from '../model/schema.js';
import { EXIT_INPUT } from './errors.js';
import { collect } from './network-option.js';
import { print, printJson } from './output.js';

/** The network with a scenario applied: every issue, never a throw for the user's input. */
function checkWithScenario(
  path: string,
  scenario: readonly string[],
): { model?: NetworkModel; issues: readonly Issue[] } {
  try {
    const { model, warnings } = readNetworkWithScenario(path, scenario);
    return { model, issues: warnings };
  } catch (e) {
    if (e instanceof InputError) return { issues: e.issues };
    throw e;
  }
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a network file (default: the embedded Eurasia network); exit code 2 when invalid')
    .argument('[file]', 'network file, YAML or JSON')
    .option(
      '--scenario <file|name>',
      'also apply a scenario (a file or a built-in name; repeatable, in order) and validate the result',
      collect,
    )
    .option('--json', 'print the issues as JSON: [{code, path, message, severity, line}]')
    .action((file: string | undefined, opts: { json?: boolean; scenario?: string[] }) => {
      const path = file ?? DEFAULT_NETWORK;
      const { model, issues } =
        opts.scenario === undefined ? checkNetworkFile(path) : checkWithScenario(path, opts.scenario);
      if (opts.json) {
        printJson(issues);
      } else {
        for (const i of issues) print(formatIssue(i));
        const errors = issues.filter((i) => i.severity === 'error').length;
        const warnings = issues.length - errors;
        const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
        if (model) {
          print(
            `${displayPath(path)}: valid (${counts}): ${model.nodes.length} nodes, ${model.links.length} links, ${model.crossings.length} crossings, ${model.services.length} services, ${model.demand.length} demands`,
          );
        } else print(`${displayPath(path)}: invalid (${counts})`);
      }
      if (hasErrors(issues)) process.exitCode = EXIT_INPUT;
    });
}
