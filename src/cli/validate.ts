/** `caravan validate [FILE]`: check a network file's form and meaning, listing every problem. */
import type { Command } from 'commander';
import { type ValidateResult, validateText, validateUseCase } from '../app/validate.js';
import { displayPath, readInputFile } from '../io/input-file.js';
import { DEFAULT_NETWORK, readText } from '../io/network-file.js';
import { formatIssue, InputError, type Issue } from '../model/issue.js';
import { EXIT_INPUT } from './errors.js';
import { print, printJson } from './output.js';

/** The network file with a scenario file: a file that cannot be read is one more issue, not a throw. */
function checkWithScenario(path: string, scenario: string): ValidateResult {
  try {
    const scenarioText = readInputFile(scenario);
    const text = readText(path);
    return validateText({
      text,
      file: displayPath(path),
      scenario: { text: scenarioText, file: displayPath(scenario) },
    });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const errors = e.issues.filter((i) => i.severity === 'error').length;
    return { valid: false, errors, warnings: e.issues.length - errors, counts: null, issues: [...e.issues] };
  }
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description(
      `${validateUseCase.summary} (default: the embedded Eurasia network); exit code 2 when invalid`,
    )
    .argument('[file]', 'network file, YAML or JSON')
    .option('--scenario <file>', 'also apply a scenario overlay (caravan-scenario/1) and validate the result')
    .option('--json', 'print the issues as JSON: [{code, path, message, severity, line}]')
    .action((file: string | undefined, opts: { json?: boolean; scenario?: string }) => {
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
