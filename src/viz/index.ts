export { type CountryOutline, countryOutlines } from './atlas.js';
export { fitLabel, labelChars, labelWidth, truncateLabel } from './axis-labels.js';
export { type CorridorComparisonRow, corridorComparisonChart } from './corridor-comparison-chart.js';
export { isoNumeric } from './country-codes.js';
export { dataTable, type TableColumn, type TableSpec } from './data-table.js';
export { type DifferenceChartOptions, type DifferenceRow, differenceChart } from './difference-chart.js';
export { SVG_NS, type VizDocument, type VizElement } from './dom.js';
export { type ChartFigureOptions, type FigureSpec, figure } from './figure.js';
export * from './format.js';
export { legendValues } from './legend-values.js';
export { changeClass, changeThreshold, flowWidth, waitRadius } from './map-scales.js';
export {
  type MapCrossing,
  type MapLink,
  type MapNode,
  type MapRoute,
  type NetworkMapData,
  type NetworkMapOptions,
  networkMap,
} from './network-map.js';
export { type NetworkMapFigureOptions, networkMapFigure } from './network-map-figure.js';
export { type OutlookData, type OutlookYear, outlookChart } from './outlook-chart.js';
export * from './palette.js';
export {
  centralAsiaConic,
  type LonLat,
  type MapFrame,
  mapFrame,
  projectLine,
  projectPoint,
} from './projection.js';
export { VIZ_CSS } from './styles.js';
export {
  type ProfileLine,
  type ProfilePointInput,
  type TimeCostDistanceOptions,
  timeCostDistanceChart,
} from './time-cost-distance-chart.js';
export { type TonnageBar, tonnageChart } from './tonnage-chart.js';
export { type UtilizationBar, utilizationChart } from './utilization-chart.js';
export {
  type EcdfPoint,
  ecdfPoints,
  ecdfQuantile,
  type WaitBucket,
  type WaitDistribution,
  type WaitQuantile,
  type WaitSeries,
  waitDistributionChart,
} from './wait-distribution-chart.js';
export { world110m } from './world-110m.js';
