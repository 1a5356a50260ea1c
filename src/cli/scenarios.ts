/** `caravan scenarios`: the built-in scenarios of the default network, with what each changes. */
import type { Command } from 'commander';
import { displayPath } from '../io/input-file.js';
import { BUILT_IN_SCENARIOS_DIR, type BuiltInScenario, builtInScenarios } from '../io/scenario-file.js';
import { print, printJson } from './output.js';

export type ScenarioListing = Omit<BuiltInScenario, 'data'>;

export function scenarioListing(): ScenarioListing[] {
  return builtInScenarios().map(({ data: _, ...s }) => s);
}

/** Text wrapped at `width` columns, each line indented. */
function wrap(text: string, indent: string, width = 100): string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && indent.length + line.length + 1 + w.length > width) {
      lines.push(indent + line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') lines.push(indent + line);
  return lines.join('\n');
}

export function registerScenarios(program: Command): void {
  program
    .command('scenarios')
    .description('list the built-in scenarios (use a name with --scenario on any command)')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) => {
      const list = scenarioListing();
      if (opts.json) {
        printJson(list);
        return;
      }
      print(`Built-in scenarios (${displayPath(BUILT_IN_SCENARIOS_DIR)}), for --scenario NAME:`);
      for (const s of list) {
        print('');
        print(`${s.name}: ${s.title}${s.date ? ` (on ${s.date})` : ''}`);
        if (s.description) print(wrap(s.description, '  '));
      }
      print('');
      print('Compare one with the base: caravan compare --scenario NAME');
    });
}
