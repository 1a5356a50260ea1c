/**
 * Display geometry of the sea links: the straits the lanes pass (the network has no link geometry),
 * so that a shipping line is not drawn straight across a continent. The viz preview (scripts/viz-preview.ts) draws the same lanes.
 */
import type { LonLat } from '../viz/index.js';

export const SEA_LANES: Readonly<Record<string, readonly LonLat[]>> = {
  'shanghai-port-said': [
    [120.5, 26],
    [112, 12],
    [104.2, 1.3],
    [98, 5.5],
    [80.6, 5.6],
    [52, 12.8],
    [43.4, 12.6],
    [38.5, 21],
    [32.5, 29.9],
  ],
  'lianyungang-port-said': [
    [123, 30],
    [120.5, 26],
    [112, 12],
    [104.2, 1.3],
    [98, 5.5],
    [80.6, 5.6],
    [52, 12.8],
    [43.4, 12.6],
    [38.5, 21],
    [32.5, 29.9],
  ],
  'port-said-rotterdam': [
    [25, 33.8],
    [12, 37],
    [0, 37.2],
    [-5.6, 35.95],
    [-9.6, 37],
    [-9.8, 43.2],
    [-5.5, 48.4],
    [1.4, 50.9],
  ],
  'shanghai-cape': [
    [120.5, 26],
    [112, 12],
    [105.8, -6],
    [80, -22],
  ],
  'lianyungang-cape': [
    [123, 30],
    [120.5, 26],
    [112, 12],
    [105.8, -6],
    [80, -22],
  ],
  'cape-rotterdam': [
    [8, -20],
    [-18, 14],
    [-15, 28],
    [-10.5, 40],
    [-5.5, 48.4],
    [1.4, 50.9],
  ],
};
