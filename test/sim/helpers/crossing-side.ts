/** One crossing entry as the file format gives it, defaults filled in, compiled: its from → to side. */
import { Crossing as CrossingSchema, Network } from '../../../src/model/schema.js';
import { type CrossingSide, compileNetwork } from '../../../src/network/compile.js';

/** A road crossing `x` from `a` to `b` with one lane unless `fields` say otherwise. */
export function crossingSide(fields: Record<string, unknown>): CrossingSide {
  const c = CrossingSchema.parse({
    id: 'x',
    name: 'X',
    mode: 'road',
    from: 'a',
    to: 'b',
    lanes: 1,
    ...fields,
  });
  const node = (id: string, lon: number) => ({ id, name: id, kind: 'border', country: id, lon, lat: 0 });
  const network = Network.parse({ format: 'caravan/1', nodes: [node('a', 0), node('b', 1)], crossings: [c] });
  return compileNetwork(network).crossings[0]!.sides[0];
}
