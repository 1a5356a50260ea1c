/**
 * Horizontal bars in groups: one group per row label (a crossing and direction, a corridor), one
 * bar per scenario inside it (base light grey, variants darker), each bar labelled with its value.
 * The shared form of the utilization and tonnage charts.
 */
import { fitLabel, labelChars, labelWidth } from './axis-labels.js';
import type { VizDocument, VizElement } from './dom.js';
import { seriesFill } from './palette.js';
import { Plot, plotSvg } from './plot-svg.js';

export interface BarDatum {
  readonly group: string;
  readonly scenario: string;
  readonly value: number;
  /** Text at the bar's end. */
  readonly label: string;
  /** Hover text and accessible description. */
  readonly title: string;
}

export interface GroupedBarsSpec {
  readonly width: number;
  readonly xLabel: string;
  readonly xDomain: readonly [number, number];
  readonly tickFormat: (x: number) => string;
  readonly ticks?: readonly number[] | number;
  /** Extra marks drawn over the bars (a capacity line). */
  readonly extra?: readonly Plot.Markish[];
  readonly ariaLabel: string;
}

/** The bars as an SVG; groups in first-seen order, scenarios in first-seen order within each. */
export function groupedBars(doc: VizDocument, data: readonly BarDatum[], spec: GroupedBarsSpec): VizElement {
  const groups = [...new Set(data.map((d) => d.group))];
  const scenarios = [...new Set(data.map((d) => d.scenario))];
  const barH = 13;
  const groupH = scenarios.length * barH + 12;
  const marginTop = 8;
  const marginBottom = 36;
  // Room for the group names up to 42 % of the width; longer ones are cut, whole on hover.
  const labelW = labelWidth(groups, Math.round(spec.width * 0.42));
  const chars = labelChars(labelW);
  const indexed = data.map((d) => ({ ...d, i: scenarios.indexOf(d.scenario) }));
  return plotSvg(
    doc,
    {
      width: spec.width,
      height: groups.length * groupH + marginTop + marginBottom,
      marginLeft: labelW,
      marginRight: 64,
      marginTop,
      marginBottom,
      x: {
        label: spec.xLabel,
        labelAnchor: 'center',
        labelArrow: 'none',
        domain: [...spec.xDomain],
        tickFormat: spec.tickFormat,
        grid: true,
        ...(spec.ticks === undefined ? {} : { ticks: spec.ticks as never }),
      },
      y: { domain: scenarios, axis: null, padding: 0.12 },
      fy: { domain: groups, label: null, padding: 0.1, axis: null },
      marks: [
        Plot.axisFy({
          label: null,
          tickSize: 0,
          tickFormat: (g: string) => fitLabel(g, chars),
          title: (g: string) => g,
          fontSize: 11.5,
          anchor: 'left',
        } as Plot.AxisOptions),
        ...scenarios.map((_, s) =>
          Plot.barX(
            indexed.filter((d) => d.i === s),
            {
              x: 'value',
              y: 'scenario',
              fy: 'group',
              fill: seriesFill(s),
              title: 'title',
            },
          ),
        ),
        Plot.text(indexed, {
          x: 'value',
          y: 'scenario',
          fy: 'group',
          text: 'label',
          dx: 4,
          textAnchor: 'start',
          fill: '#1A1A1A',
          stroke: '#FFFFFF',
          strokeWidth: 3,
          paintOrder: 'stroke',
          fontSize: 10.5,
        }),
        ...(spec.extra ?? []),
        Plot.ruleX([spec.xDomain[0]], { stroke: '#1A1A1A' }),
      ],
    },
    spec.ariaLabel,
  );
}
