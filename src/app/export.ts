/**
 * The `export` use case (`caravan network export`): the network as JSON (the validated model, with
 * defaults filled in) or as a GeoJSON FeatureCollection for a GIS.
 */
import { z } from 'zod';
import { toGeoJSON } from '../network/geojson.js';
import type { UseCase } from './use-case.js';

export const ExportOptionsSchema = z.object({
  format: z
    .enum(['json', 'geojson'], { error: (i) => `unknown format "${String(i.input)}": use json or geojson` })
    .default('geojson')
    .describe('json (the validated model) or geojson (for a GIS)'),
});

export const ExportResultSchema = z
  .record(z.string(), z.unknown())
  .describe(
    'json: the validated network (docs/network-format.md); geojson: a FeatureCollection, nodes as Points, links, crossings and services as LineStrings with their fields as properties',
  );

export const exportUseCase: UseCase<typeof ExportOptionsSchema, typeof ExportResultSchema> = {
  name: 'export',
  summary: 'the network as JSON (the validated model) or GeoJSON (for a GIS)',
  options: ExportOptionsSchema,
  result: ExportResultSchema,
  async run(model, o) {
    return (o.format === 'json' ? model : toGeoJSON(model)) as unknown as Record<string, unknown>;
  },
};
