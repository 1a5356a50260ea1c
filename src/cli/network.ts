/** `caravan network info` and `caravan network export`: what a network holds, and the network for a GIS. */
import type { Command } from 'commander';
import { countryName } from '../model/country.js';
import { InputError, issue } from '../model/issue.js';
import type { NetworkModel } from '../model/schema.js';
import { borderCapacity } from '../network/border-capacity.js';
import { compileNetwork } from '../network/compile.js';
import { toGeoJSON } from '../network/geojson.js';
import { directionCapacities } from '../network/operational-capacity.js';
import { addNetworkOptions, loadNetworkOption, type NetworkOptions } from './network-option.js';
import { print, printJson, writeFileAtomic } from './output.js';
import { formatTable, num } from './table.js';

export function registerNetwork(program: Command): void {
  const network = program.command('network').description('inspect and export a network');

  addNetworkOptions(
    network
      .command('info')
      .description('counts, countries, border crossings and border capacity of a network'),
  )
    .option('--json', 'print as JSON')
    .action((opts: NetworkOptions & { json?: boolean }) => {
      const { model } = loadNetworkOption(opts);
      if (opts.json) printJson(networkInfo(model));
      else print(formatNetworkInfo(model));
    });

  addNetworkOptions(
    network
      .command('export')
      .description('write the network as JSON (the validated model) or GeoJSON (for a GIS)'),
  )
    .option('--format <format>', 'json or geojson', 'geojson')
    .option('--out <file>', 'write to a file instead of standard output')
    .action((opts: NetworkOptions & { format: string; out?: string }) => {
      if (opts.format !== 'json' && opts.format !== 'geojson') {
        throw new InputError([
          issue('invalid_option', '--format', `unknown format "${opts.format}": use json or geojson`),
        ]);
      }
      const { model } = loadNetworkOption(opts);
      const text = `${JSON.stringify(opts.format === 'json' ? model : toGeoJSON(model), null, 2)}\n`;
      if (opts.out) writeFileAtomic(opts.out, text);
      else print(text);
    });
}

/** The facts `network info` shows, as plain data. */
export function networkInfo(model: NetworkModel) {
  const byCountry = new Map<string, number>();
  for (const n of model.nodes) byCountry.set(n.country, (byCountry.get(n.country) ?? 0) + 1);
  const country = new Map(model.nodes.map((n) => [n.id, n.country]));
  return {
    name: model.name ?? '',
    counts: {
      nodes: model.nodes.length,
      links: model.links.length,
      crossings: model.crossings.length,
      services: model.services.length,
      demand: model.demand.length,
      sources: model.sources.length,
    },
    countries: [...byCountry].sort().map(([code, nodes]) => ({ code, name: countryName(code), nodes })),
    crossings: model.crossings.map((c) => ({
      id: c.id,
      name: c.name,
      mode: c.mode,
      countries: `${country.get(c.from)}-${country.get(c.to)}`,
      lanes: c.lanes,
      hours: c.hours,
      capacity_t_per_year: c.capacity_t_per_year ?? null,
      opens: c.opens ?? null,
    })),
    border_capacity: borderCapacity(model),
    /** Per crossing and service direction: declared, operational (from how it works) and which binds. */
    direction_capacity: directionCapacities(compileNetwork(model)),
  };
}

const mt = (t: number | null) => (t === null ? '–' : num(t / 1e6, 2));

export function formatNetworkInfo(model: NetworkModel): string {
  const info = networkInfo(model);
  const c = info.counts;
  const parts = [
    `${info.name || 'network'}: ${c.nodes} nodes, ${c.links} links, ${c.crossings} crossings, ${c.services} services, ${c.demand} demands, ${c.sources} sources`,
    '',
    `Countries: ${info.countries.map((k) => `${k.code} ${k.name} (${k.nodes})`).join(', ')}`,
    '',
    'Border crossings',
    formatTable(
      [
        { header: 'id', value: (r) => r.id },
        { header: 'name', value: (r) => r.name },
        { header: 'mode', value: (r) => r.mode },
        { header: 'border', value: (r) => r.countries },
        { header: 'lanes', value: (r) => r.lanes },
        { header: 'hours', value: (r) => r.hours },
        {
          header: 'capacity_Mt_per_year',
          value: (r) => (r.capacity_t_per_year === null ? '–' : num(r.capacity_t_per_year / 1e6, 1)),
          align: 'right',
        },
        { header: 'opens', value: (r) => r.opens ?? '' },
      ],
      info.crossings,
    ),
    '',
    'Border capacity by country pair and mode (sum of crossings in service)',
    formatTable(
      [
        { header: 'border', value: (r) => r.countries.join('-') },
        { header: 'mode', value: (r) => r.mode },
        {
          header: 'capacity_Mt_per_year',
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
