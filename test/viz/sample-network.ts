/** A hand-made network for the map tests: real coordinates, round flows and waits. */
import type { NetworkMapData } from '../../src/viz/network-map.js';

export const NODES = [
  { id: 'aktau', name: 'Aktau', lon: 51.2, lat: 43.65, label: true },
  { id: 'almaty', name: 'Almaty', lon: 76.9, lat: 43.24, label: true },
  { id: 'tashkent', name: 'Tashkent', lon: 69.24, lat: 41.3, label: true },
  { id: 'khorgos', name: 'Khorgos', lon: 80.4, lat: 44.2 },
  { id: 'dostyk', name: 'Dostyk', lon: 82.5, lat: 45.25 },
  { id: 'baku', name: 'Baku', lon: 49.9, lat: 40.4 },
  { id: 'shanghai', name: 'Shanghai', lon: 121.5, lat: 31.2, label: true },
  { id: 'rotterdam', name: 'Rotterdam', lon: 4.5, lat: 51.9, label: true },
] as const;

export const MAP: NetworkMapData = {
  nodes: NODES,
  links: [
    {
      id: 'dostyk-almaty',
      from: 'dostyk',
      to: 'almaty',
      mode: 'rail',
      flow_t_per_year: 20e6,
      utilization: 0.18,
    },
    {
      id: 'khorgos-almaty-rail',
      from: 'khorgos',
      to: 'almaty',
      mode: 'rail',
      flow_t_per_year: 10e6,
      utilization: 0.55,
    },
    {
      id: 'khorgos-almaty-road',
      from: 'khorgos',
      to: 'almaty',
      mode: 'road',
      flow_t_per_year: 4e6,
      utilization: 0.85,
    },
    { id: 'almaty-aktau', from: 'almaty', to: 'aktau', mode: 'rail', flow_t_per_year: 5e6, utilization: 1.1 },
    { id: 'almaty-tashkent', from: 'almaty', to: 'tashkent', mode: 'rail', flow_t_per_year: 0 },
    {
      id: 'aktau-baku',
      from: 'aktau',
      to: 'baku',
      mode: 'ferry',
      name: 'Caspian ferry',
      flow_t_per_year: 2e6,
      utilization: 0.95,
    },
    {
      id: 'shanghai-rotterdam',
      from: 'shanghai',
      to: 'rotterdam',
      mode: 'sea',
      flow_t_per_year: 6e6,
      via_lon_lat: [
        [104.2, 1.3],
        [43.4, 12.6],
        [32.5, 29.9],
        [-5.6, 35.95],
      ],
    },
  ],
  crossings: [
    {
      id: 'nur-zholy',
      name: 'Nur Zholy',
      mode: 'road',
      lon: 80.3,
      lat: 44.2,
      wait_h: 264,
      utilization: 0.47,
    },
    { id: 'dostyk-alashankou', name: 'Dostyk', mode: 'rail', lon: 82.6, lat: 45.3, wait_h: 35.4 },
    { id: 'saryagash', name: 'Saryagash', mode: 'rail', lon: 69.1, lat: 41.4, wait_h: 8 },
  ],
};

/** The same network as a comparison: Nur Zholy much better, Dostyk not significantly changed, Saryagash worse. */
export const COMPARED: NetworkMapData = {
  ...MAP,
  crossings: [
    {
      id: 'nur-zholy',
      name: 'Nur Zholy',
      mode: 'road',
      lon: 80.3,
      lat: 44.2,
      wait_h: 9.5,
      wait_base_h: 264,
      wait_change_ci95_h: [-262, -247],
    },
    {
      id: 'dostyk-alashankou',
      name: 'Dostyk',
      mode: 'rail',
      lon: 82.6,
      lat: 45.3,
      wait_h: 34.1,
      wait_base_h: 35.4,
      wait_change_ci95_h: [-3.9, 1.2],
    },
    {
      id: 'saryagash',
      name: 'Saryagash',
      mode: 'rail',
      lon: 69.1,
      lat: 41.4,
      wait_h: 12,
      wait_base_h: 8,
      wait_change_ci95_h: [2.5, 5.5],
    },
  ],
};
