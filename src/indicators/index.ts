/** Indicators of a route: emissions (ISO 14083 / GLEC), CAREC CPMM indicators, UNESCAP time/cost–distance profile. */
export * from './cpmm.js';
export * from './emissions.js';
export * from './profile-chart.js';
export * from './time-cost-distance.js';
