/** `caravan overview`: the main job on a network — validate it and show what it holds. */
import type { Command } from 'commander';
import { checkNetworkFile, DEFAULT_NETWORK, displayPath } from '../io/network-file.js';
import { formatIssue, InputError } from '../model/issue.js';
import { formatNetworkInfo } from './network.js';
import { print } from './output.js';

export function registerOverview(program: Command): void {
  program
    .command('overview')
    .description('validate a network and summarise it: the main job on the embedded default')
    .option('--network <file>', 'network file (default: the embedded Eurasia network)')
    .action((opts: { network?: string }) => {
      const path = opts.network ?? DEFAULT_NETWORK;
      const { model, issues } = checkNetworkFile(path);
      if (!model) throw new InputError(issues);
      const warnings = issues.length;
      print(`Validated ${displayPath(path)}: no errors, ${warnings} warning${warnings === 1 ? '' : 's'}`);
      for (const i of issues) print(`  ${formatIssue(i)}`);
      print('');
      print(formatNetworkInfo(model));
    });
}
