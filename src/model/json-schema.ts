/** The JSON Schema of the network format, generated from the zod schemas (docs/network.schema.json). */
import { z } from 'zod';
import { FORMAT, Network } from './schema.js';

export function networkJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Network, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: 'https://caravan.dev/schemas/network.schema.json',
    title: `Caravan network (${FORMAT})`,
    description:
      'A multimodal freight network: nodes, links, border crossings, scheduled services and demand, with the provenance of every figure.',
  };
}
