/** `caravan validate [FILE]`: check a network file's form and meaning, listing every problem. */
import type { Command } from 'commander';
import { type ValidateResult, validateText, validateUseCase, validationResult } from '../app/validate.js';
import { displayPath } from '../io/input-file.js';
import { DEFAULT_NETWORK, readText } from '../io/network-file.js';
import { readNetworkWithScenario } from '../io/scenario-file.js';
import { formatIssue, InputError, type Issue } from '../model/issue.js';
import { EXIT_INPUT } from './errors.js';
import { collect } from './network-option.js';
import { print, printJson } from './output.js';

/** The network with scenarios (files or built-in names) applied in order: every issue, never a throw for the user's input. */
function checkWithScenario(path: string, scenarios: readonly string[]): ValidateResult {
  try {
    const { model, warnings } = readNetworkWithScenario(path, scenarios);
    return validationResult(model, warnings);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return validationResult(undefined, e.issues);
  }
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description(
      `${validateUseCase.summary} (default: the embedded Eurasia network); exit code 2 when invalid`,
    )
    .argument('[file]', 'network file, YAML or JSON')
    .option(
      '--scenario <file|name>',
      'also apply a scenario (a file or a built-in name; repeatable, in order) and validate the result',
      collect,
    )
    .option('--json', 'print the issues as JSON: [{code, path, message, severity, line}]')
    .action((file: string | undefined, opts: { json?: boolean; scenario?: string[] }) => {
      const path = file ?? DEFAULT_NETWORK;
      const result =
        opts.scenario === undefined
          ? validateText({ text: readText(path), file: displayPath(path) })
          : checkWithScenario(path, opts.scenario);
      if (opts.json) {
        printJson(result.issues);
      } else {
        for (const i of result.issues) print(formatIssue(i as Issue));
        const counts = `${result.errors} error${result.errors === 1 ? '' : 's'}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}`;
        const c = result.counts;
        if (c) {
          print(
            `${displayPath(path)}: valid (${counts}): ${c.nodes} nodes, ${c.links} links, ${c.crossings} crossings, ${c.services} services, ${c.demand} demands`,
          );
        } else print(`${displayPath(path)}: invalid (${counts})`);
      }
      if (result.errors > 0) process.exitCode = EXIT_INPUT;
    });
}
