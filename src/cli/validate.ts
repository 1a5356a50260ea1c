/** `caravan validate [FILE]`: check a network file's form and meaning, listing every problem. */
import type { Command } from 'commander';
import { checkNetworkFile, DEFAULT_NETWORK, displayPath } from '../io/network-file.js';
import { formatIssue, hasErrors } from '../model/issue.js';
import { EXIT_INPUT } from './errors.js';
import { print, printJson } from './output.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a network file (default: the embedded Eurasia network); exit code 2 when invalid')
    .argument('[file]', 'network file, YAML or JSON')
    .option('--json', 'print the issues as JSON: [{code, path, message, severity, line}]')
    .action((file: string | undefined, opts: { json?: boolean }) => {
      const path = file ?? DEFAULT_NETWORK;
      const { model, issues } = checkNetworkFile(path);
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
