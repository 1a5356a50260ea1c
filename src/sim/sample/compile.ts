/** Turns a distribution as written in the network file into a fast sampler over a uniform source. */
import type { Distribution } from '../../model/distribution.js';
import type { Uniform } from '../random.js';
import { constantSampler } from './constant.js';
import { empiricalSampler } from './empirical.js';
import { exponentialSampler } from './exponential.js';
import { gammaSampler } from './gamma.js';
import { lognormalSampler } from './lognormal.js';
import type { Sampler } from './sampler.js';
import { triangularSampler } from './triangular.js';
import { uniformSampler } from './uniform.js';

export function compileSampler(dist: Distribution, random: Uniform): Sampler {
  switch (dist.kind) {
    case 'const':
      return constantSampler(dist.value_h);
    case 'exp':
      return exponentialSampler(dist.mean_h, random);
    case 'lognormal':
      return lognormalSampler(dist.mean_h, dist.sd_h, random);
    case 'gamma':
      return gammaSampler(dist.mean_h, dist.sd_h, random);
    case 'tri':
      return triangularSampler(dist.min_h, dist.mode_h, dist.max_h, random);
    case 'uniform':
      return uniformSampler(dist.min_h, dist.max_h, random);
    case 'empirical':
      return empiricalSampler(dist.values_h, dist.weights, random);
  }
}
