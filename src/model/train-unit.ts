/**
 * The unit `capacity_trains_per_day` counts in: a network declares a unit with this id, and its
 * tonnes convert trains to tonnes (validation, plausibility and the compiled network alike).
 */
import type { NetworkModel } from './schema.js';

export const TRAIN_UNIT = 'train';

/** Tonnes of the network's `train` unit; undefined when it declares none. */
export function trainTonnes(model: Pick<NetworkModel, 'units'>): number | undefined {
  return model.units.find((u) => u.id === TRAIN_UNIT)?.t;
}
