/** Hand-made inputs for the chart tests and goldens. */
import type { CorridorComparisonRow } from '../../src/viz/corridor-comparison-chart.js';
import type { OutlookData } from '../../src/viz/outlook-chart.js';
import type { ProfileLine } from '../../src/viz/time-cost-distance-chart.js';
import type { TonnageBar } from '../../src/viz/tonnage-chart.js';
import type { UtilizationBar } from '../../src/viz/utilization-chart.js';
import type { WaitDistribution } from '../../src/viz/wait-distribution-chart.js';

export const WAITS: WaitDistribution[] = [
  {
    crossing: 'Nur Zholy',
    series: [
      {
        scenario: 'base',
        mean_wait_h: 250,
        buckets: [
          { lower_h: 0, upper_h: 100, count: 2 },
          { lower_h: 100, upper_h: 200, count: 6 },
          { lower_h: 200, upper_h: 300, count: 2 },
        ],
      },
      {
        scenario: '24h',
        mean_wait_h: 9,
        buckets: [
          { lower_h: 0, upper_h: 10, count: 5 },
          { lower_h: 10, upper_h: 20, count: 5 },
        ],
      },
    ],
  },
  {
    crossing: 'Dostyk',
    series: [
      {
        scenario: 'base',
        quantiles: [
          { p: 0.5, wait_h: 30 },
          { p: 0, wait_h: 5 },
          { p: 1, wait_h: 60 },
        ],
      },
      {
        scenario: '24h',
        quantiles: [
          { p: 0, wait_h: 5 },
          { p: 0.5, wait_h: 28 },
          { p: 1, wait_h: 58 },
        ],
      },
    ],
  },
];

export const CORRIDORS: CorridorComparisonRow[] = [
  {
    corridor: 'Northern',
    scenario: 'base',
    transit_days_mean: 16.8,
    transit_days_p10: 14.9,
    transit_days_p90: 19.5,
    cost_usd_per_feu: 2900,
    co2e_kg_per_feu: 4410,
  },
  {
    corridor: 'Northern',
    scenario: '24h',
    transit_days_mean: 16.8,
    transit_days_p10: 14.9,
    transit_days_p90: 19.5,
    cost_usd_per_feu: 2900,
    co2e_kg_per_feu: 4410,
  },
  {
    corridor: 'Road via Nur Zholy',
    scenario: 'base',
    transit_days_mean: 23,
    transit_days_p90: 30.4,
    cost_usd_per_feu: 9800,
    co2e_kg_per_feu: 14400,
  },
  {
    corridor: 'Road via Nur Zholy',
    scenario: '24h',
    transit_days_mean: 12.6,
    transit_days_p90: 15.1,
    cost_usd_per_feu: 8700,
    co2e_kg_per_feu: 13900,
  },
];

export const PROFILES: ProfileLine[] = [
  {
    corridor: 'Northern',
    points: [
      { distance_km: 0, time_h: 0, cost_usd: 0, event: 'start', name: "Xi'an" },
      { distance_km: 3600, time_h: 70, cost_usd: 820, event: 'link', name: 'Alashankou' },
      { distance_km: 3614, time_h: 106, cost_usd: 1150, event: 'crossing', name: 'Dostyk' },
      { distance_km: 9800, time_h: 260, cost_usd: 2900, event: 'link', name: 'Duisburg' },
    ],
  },
  {
    corridor: 'Middle',
    points: [
      { distance_km: 0, time_h: 0, cost_usd: 0, event: 'start', name: "Xi'an" },
      { distance_km: 6500, time_h: 180, cost_usd: 1800, event: 'link', name: 'Aktau' },
      { distance_km: 6500, time_h: 210, cost_usd: 2050, event: 'transshipment', name: 'Aktau port' },
      { distance_km: 10900, time_h: 430, cost_usd: 4300, event: 'link', name: 'Duisburg' },
    ],
  },
];

export const UTILIZATION: UtilizationBar[] = [
  {
    crossing: 'Dostyk',
    direction: 'CN → KZ',
    scenario: 'base',
    utilization: 1.11,
    flow_t_per_year: 10.05e6,
    capacity_t_per_year: 9.05e6,
  },
  { crossing: 'Dostyk', direction: 'CN → KZ', scenario: '24h', utilization: 1.08 },
  { crossing: 'Nur Zholy', direction: 'CN → KZ', scenario: 'base', utilization: 0.47 },
  { crossing: 'Nur Zholy', direction: 'CN → KZ', scenario: '24h', utilization: 0.24 },
];

export const TONNAGE: TonnageBar[] = [
  { corridor: 'Via Altynkol', scenario: 'base', flow_t_per_year: 10.48e6 },
  { corridor: 'Via Altynkol', scenario: '24h', flow_t_per_year: 9.6e6 },
  { corridor: 'Via Nur Zholy', scenario: 'base', flow_t_per_year: 4.16e6 },
  { corridor: 'Via Nur Zholy', scenario: '24h', flow_t_per_year: 5.04e6 },
  { corridor: 'Northern', scenario: 'base', flow_t_per_year: 4.12e6 },
  { corridor: 'Northern', scenario: '24h', flow_t_per_year: 4.12e6 },
];

export const OUTLOOK: OutlookData = {
  element: 'China–Kazakhstan rail',
  saturation_year: 2029,
  years: [2026, 2027, 2028, 2029, 2030].map((year, i) => {
    const demand = 30e6 + i * 5e6;
    const capacity = year >= 2027 ? 40e6 : 28e6;
    return {
      year,
      demand_t_per_year: demand,
      capacity_t_per_year: capacity,
      flow_t_per_year: Math.min(demand, capacity),
    };
  }),
};
