/**
 * `caravan outlook`: year by year, demand growth against the infrastructure calendar; flows and
 * utilization of borders, crossings and services, and the year each saturates.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { outlookUseCase } from '../app/outlook.js';
import { parseRate } from '../flow/demand-growth.js';
import type { OutlookYear } from '../flow/outlook.js';
import { displayPath, readInputFile } from '../io/input-file.js';
import { InputError, issue } from '../model/issue.js';
import { addFlowFlags, demandOption, FLOW_FLAGS } from './assign.js';
import { loadNetworkOption, type NetworkOptions } from './network-option.js';
import { print, printJson } from './output.js';
import { formatTable, num } from './table.js';
import { type FlagSpecs, optionsFromFlags, runWithFlags } from './use-case-flags.js';

const FLAGS: FlagSpecs = {
  ...FLOW_FLAGS,
  fromYear: { arg: '<year>' },
  toYear: { arg: '<year>' },
  baseYear: { arg: '<year>' },
  growth: { flag: 'growth' },
  saturation: { arg: '<utilization>' },
};

/** `--growth`: a rate (0.05 or 5%) for every flow, or a CSV file of rates by origin–destination. */
function growthOption(text: string | undefined): { growth?: number | { text: string; file: string } } {
  if (text === undefined) return {};
  const rate = parseRate(text);
  if (rate !== undefined) return { growth: rate };
  if (!existsSync(text)) {
    throw new InputError([
      issue(
        'invalid_option',
        '--growth',
        `"${text}" is neither a rate (0.05 or 5%) nor a file: give a rate or the path of a CSV from,to[,cargo],growth_per_year`,
      ),
    ]);
  }
  return { growth: { text: readInputFile(text, { option: '--growth' }), file: displayPath(text) } };
}

export function registerOutlook(program: Command): void {
  const command = program.command('outlook').description(outlookUseCase.summary);
  addFlowFlags(command, outlookUseCase, FLAGS)
    .option(
      '--growth <rate|file>',
      "growth a year for every flow (0.05 or 5%), or a CSV from,to[,cargo],growth_per_year (default: each demand's growth_per_year)",
    )
    .action(async (opts: NetworkOptions & { demand?: string; growth?: string; json?: boolean }) => {
      const { model } = await loadNetworkOption(opts);
      const options = optionsFromFlags(outlookUseCase, model, opts, FLAGS, {
        ...demandOption(opts.demand),
        ...growthOption(opts.growth),
      });
      const r = await runWithFlags(outlookUseCase, model, options, FLAGS);
      const { fromYear, toYear, baseYear, growth, saturation: saturationAt } = options;
      const inputs = { method: r.method };
      if (opts.json) {
        printJson(r);
        return;
      }
      print(
        `Outlook ${fromYear}–${toYear} (${inputs.method}; demand of ${baseYear} grown ${growth === undefined ? "at each flow's growth_per_year" : typeof growth === 'number' ? `${num(growth * 100, 1)} % a year` : 'at the rates of the growth file'}; network as of 1 July each year)`,
      );
      print('');
      print(
        'Borders by country pair and mode: flow by year, Mt/yr; capacity: what the crossings can carry, the least of declared and operational (caravan network info shows both)',
      );
      print(yearTable(r.years, (y) => y.borders, 'flow'));
      print('');
      print('Borders by country pair and mode: utilization by year, % of capacity');
      print(yearTable(r.years, (y) => y.borders, 'utilization'));
      print('');
      print('Border crossings: utilization by year, % of capacity');
      print(yearTable(r.years, (y) => y.crossings, 'utilization'));
      if (r.years.some((y) => y.services.length > 0)) {
        print('');
        print('Capacitated services (ferries, shipping): utilization by year, % of capacity');
        print(yearTable(r.years, (y) => y.services, 'utilization'));
      }
      print('');
      print('Demand and unserved demand');
      print(
        formatTable(
          [
            { header: 'year', value: (y) => String(y.year) },
            {
              header: 'demand_Mt_per_year',
              value: (y) => num(y.demand_t_per_year / 1e6, 2),
              align: 'right',
            },
            {
              header: 'served_Mt_per_year',
              value: (y) => num(y.served_t_per_year / 1e6, 2),
              align: 'right',
            },
            {
              header: 'unserved_Mt_per_year',
              value: (y) => num(y.unserved_t_per_year / 1e6, 2),
              align: 'right',
            },
            {
              header: 'cost_bn_usd_per_year',
              value: (y) => num(y.total_cost_usd / 1e9, 2),
              align: 'right',
            },
          ],
          r.years,
        ),
      );
      print('');
      print(`First year of saturation (utilization ≥ ${num(saturationAt * 100, 0)} %)`);
      print(
        formatTable(
          [
            { header: 'kind', value: (s) => s.kind },
            { header: 'id', value: (s) => s.id },
            {
              header: 'first_year',
              value: (s) => (s.first_year === null ? `not by ${toYear}` : String(s.first_year)),
            },
            {
              header: 'max_utilization_pct',
              value: (s) => num(s.max_utilization * 100, 1),
              align: 'right',
            },
          ],
          r.saturation.filter((s) => s.kind !== 'link' || s.first_year !== null),
        ),
      );
    });
}

type YearRow = {
  id: string;
  flow_t_per_year: number;
  capacity_t_per_year: number | null;
  utilization: number | null;
};

/** Rows = elements, columns = years; first the capacity and its changes, then one value a year. */
function yearTable(
  years: readonly OutlookYear[],
  rows: (y: OutlookYear) => readonly YearRow[],
  show: 'flow' | 'utilization',
): string {
  const ids = [...new Set(years.flatMap((y) => rows(y).map((r) => r.id)))];
  const find = (y: OutlookYear, id: string) => rows(y).find((x) => x.id === id);
  const capacitySteps = (id: string) => {
    const steps: string[] = [];
    let last: string | undefined;
    for (const y of years) {
      const r = find(y, id);
      const cap = !r ? 'closed' : r.capacity_t_per_year === null ? '∞' : num(r.capacity_t_per_year / 1e6, 1);
      if (cap !== last) steps.push(last === undefined ? cap : `${cap} (${y.year})`);
      last = cap;
    }
    return steps.join(' → ');
  };
  const cell = (y: OutlookYear, id: string) => {
    const r = find(y, id);
    if (!r) return '–';
    if (show === 'flow') return num(r.flow_t_per_year / 1e6, 1);
    return r.utilization === null ? '–' : num(r.utilization * 100, 0);
  };
  return formatTable(
    [
      { header: 'id', value: (id: string) => id },
      { header: 'capacity_Mt_per_year', value: (id: string) => capacitySteps(id) },
      ...years.map((y) => ({
        header: String(y.year),
        value: (id: string) => cell(y, id),
        align: 'right' as const,
      })),
    ],
    ids,
  );
}
