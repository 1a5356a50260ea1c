/** `caravan network info` and `caravan network export`: what a network holds, and the network for a GIS. */
import type { Command } from 'commander';
import { exportUseCase } from '../app/export.js';
import { type NetworkInfo, networkInfoUseCase } from '../app/network-info.js';
import { parseOptions } from '../app/options.js';
import { addNetworkOptions, loadNetworkOption, type NetworkOptions } from './network-option.js';
import { print, printJson, writeFileAtomic } from './output.js';
import { formatTable, num } from './table.js';
import { withFlagNames } from './use-case-flags.js';

export function registerNetwork(program: Command): void {
  const network = program.command('network').description('inspect and export a network');

  addNetworkOptions(network.command('info').description(networkInfoUseCase.summary))
    .option('--json', 'print as JSON')
    .action(async (opts: NetworkOptions & { json?: boolean }) => {
      const { model } = await loadNetworkOption(opts);
      const info = await networkInfoUseCase.run(model, {}, {});
      if (opts.json) printJson(info);
      else print(formatNetworkInfo(info));
    });

  addNetworkOptions(network.command('export').description(exportUseCase.summary))
    .option('--format <format>', 'json or geojson', 'geojson')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (opts: NetworkOptions & { format: string; out?: string }) => {
      // The format is checked before the network is read: nothing is written for a bad one.
      const options = withFlagNames(() => parseOptions(exportUseCase.options, { format: opts.format }), {
        format: '--format',
      });
      const { model } = await loadNetworkOption(opts);
      const text = `${JSON.stringify(await exportUseCase.run(model, options, {}), null, 2)}\n`;
      if (opts.out) writeFileAtomic(opts.out, text);
      else print(text);
    });
}

const mt = (t: number | null) => (t === null ? '–' : num(t / 1e6, 2));

export function formatNetworkInfo(info: NetworkInfo): string {
  const c = info.counts;
  const parts = [
    `${info.name || 'network'}: ${c.nodes} nodes, ${c.links} links, ${c.crossings} crossings, ${c.services} services, ${c.demand} demands, ${c.sources} sources`,
    '',
    `Countries: ${info.countries.map((k) => `${k.code} ${k.name} (${k.nodes})`).join(', ')}`,
    '',
    'Border crossings (declared capacity of both directions together: the least of the figures each declares; what its lanes, hours and quotas clear may be less, as below)',
    formatTable(
      [
        { header: 'id', value: (r) => r.id },
        { header: 'name', value: (r) => r.name },
        { header: 'mode', value: (r) => r.mode },
        { header: 'border', value: (r) => r.countries },
        { header: 'lanes', value: (r) => r.lanes },
        { header: 'hours', value: (r) => r.hours },
        {
          header: 'declared_Mt_per_year',
          value: (r) => (r.capacity_t_per_year === null ? '–' : num(r.capacity_t_per_year / 1e6, 1)),
          align: 'right',
        },
        { header: 'opens', value: (r) => r.opens ?? '' },
      ],
      info.crossings,
    ),
    '',
    'Declared border capacity by country pair and mode (sum of the crossings in service)',
    formatTable(
      [
        { header: 'border', value: (r) => r.countries.join('-') },
        { header: 'mode', value: (r) => r.mode },
        {
          header: 'declared_Mt_per_year',
          value: (r) =>
            r.steps
              .map((s) => `${num(s.capacity_t_per_year / 1e6, 1)}${s.from ? ` from ${s.from}` : ''}`)
              .join(' → '),
        },
      ],
      info.border_capacity,
    ),
    '',
    'Capacity per direction: declared, operational (lanes, hours, clearance, quota; departures) and which binds',
    formatTable(
      [
        { header: 'id', value: (r) => r.id },
        { header: 'direction', value: (r) => r.direction },
        { header: 'declared_Mt_per_year', value: (r) => mt(r.declared_t_per_year), align: 'right' },
        { header: 'operational_Mt_per_year', value: (r) => mt(r.operational_t_per_year), align: 'right' },
        { header: 'binding', value: (r) => r.binding },
        { header: 'shared_Mt_per_year', value: (r) => mt(r.shared_t_per_year), align: 'right' },
      ],
      info.direction_capacity.filter((r) => r.kind === 'crossing'),
    ),
  ];
  return parts.join('\n');
}
