/**
 * The plain-words headlines of a comparison, one scenario at a time: "Nur Zholy 24-hour operation
 * cuts the mean wait at Nur Zholy–Khorgos (road) from 2.1 days to 1 min (difference −2.1 days, 95 %
 * CI −2.9 to −1.3 days)." The terminal prints them and the dashboard shows them, in the same words.
 */
import type { CompareResultJson } from '../app/compare.js';
import { type Difference, significant } from '../compare/paired.js';
import { odPlaces } from '../sim/od-key.js';
import { differenceParts, durationText, fmt } from './difference-text.js';

/** The least difference of a time a headline tells, hours: a minute, the smallest the text shows. */
const HEADLINE_MIN_H = 1 / 60;
/** The least difference of units cleared a day a headline tells: what rounds to one. */
const HEADLINE_MIN_UNITS = 0.5;

/**
 * Whether a difference makes a headline: beyond chance, and large enough not to read as zero. With
 * common random numbers a difference of seconds can be beyond chance (a door-to-door time that moved by
 * 0.04 s in every pair), and "+0 min" is no news.
 */
export function newsworthy(d: Difference, least: number = HEADLINE_MIN_H): boolean {
  return significant(d) && Math.abs(d.difference ?? 0) >= least;
}

/** "from 7.1 days to 6 min (difference −7.1 days, 95 % CI −7.5 to −6.8 days)" */
export function waitSentence(d: Difference): string {
  const [diff, ci] = differenceParts(d);
  return `from ${durationText(d.base ?? 0)} to ${durationText(d.scenario ?? 0)} (difference ${diff}${ci ? `, 95 % CI ${ci}` : ''})`;
}

const signed = (x: number, text: string) => (x > 0 ? `+${text}` : x < 0 ? text.replace(/^-/, '−') : text);

function verb(d: Difference, down: string, up: string): string {
  return (d.difference ?? 0) < 0 ? down : up;
}

/** The plain-words headlines of one scenario: the waits and flows that changed beyond chance. */
export function headlines(
  s: CompareResultJson['scenarios'][number],
  names: ReadonlyMap<string, string> = new Map(),
  crossingNames: ReadonlyMap<string, string> = new Map(),
): string[] {
  const out: string[] = [];
  const crossings = Object.entries(s.crossings)
    .filter(([, c]) => newsworthy(c.wait_h))
    .sort(([, a], [, b]) => Math.abs(b.wait_h.difference ?? 0) - Math.abs(a.wait_h.difference ?? 0));
  for (const [, c] of crossings.slice(0, 3)) {
    out.push(
      `${s.title} ${verb(c.wait_h, 'cuts', 'raises')} the mean wait at ${c.name} ${waitSentence(c.wait_h)}.`,
    );
    if (newsworthy(c.throughput_per_day, HEADLINE_MIN_UNITS)) {
      const t = c.throughput_per_day;
      const ci = t.difference_ci95!;
      out.push(
        `  Units cleared there a day: ${fmt(t.base ?? 0, 0)} → ${fmt(t.scenario ?? 0, 0)} (difference ${signed(t.difference ?? 0, fmt(t.difference ?? 0, 0))}, 95 % CI ${signed(ci[0], fmt(ci[0], 0))} to ${signed(ci[1], fmt(ci[1], 0))}).`,
      );
    }
  }
  const transit = Object.entries(s.transit_h)
    .filter(([, d]) => newsworthy(d) && d.base !== null && d.scenario !== null)
    .sort(([, a], [, b]) => Math.abs(b.difference ?? 0) - Math.abs(a.difference ?? 0));
  for (const [od, d] of transit.slice(0, 2)) {
    const { from: a, to: b } = odPlaces(od);
    out.push(`Door to door, ${names.get(a) ?? a} → ${names.get(b) ?? b}: ${waitSentence(d)}.`);
  }
  const lost = Object.entries(s.transit_h).filter(([, d]) => d.base !== null && d.scenario === null);
  if (lost.length > 0)
    out.push(
      `${lost.length} origin–destination pair${lost.length === 1 ? '' : 's'} deliver${lost.length === 1 ? 's' : ''} nothing in the counted days with the scenario (no route in service, or every consignment still on its way): ${lost
        .map(([od]) => [odPlaces(od).from, odPlaces(od).to].map((x) => names.get(x) ?? x).join(' → '))
        .join('; ')}.`,
    );
  const moved = s.corridor_differences.filter((c) => Math.abs(c.difference) >= 0.05e6);
  if (moved.length > 0) {
    const parts = moved
      .slice(0, 4)
      .map((c) => `${c.corridor} ${signed(c.difference, fmt(c.difference / 1e6, 1))} Mt/yr`);
    out.push(`Tonnage by corridor (assignment): ${parts.join('; ')}.`);
  }
  const rerouted = s.route_differences.filter((r) => r.base_label !== r.scenario_label).length;
  const quicker = s.route_differences.filter((r) => Math.abs(r.time_h.difference ?? 0) >= 1).length;
  if (rerouted + quicker > 0)
    out.push(
      `Route planner, ${s.route_differences.length} origin–destination pairs: the best route changes for ${rerouted}, its expected time by an hour or more for ${quicker} (below).`,
    );
  const sat = s.outlook_differences.filter((d) => d.base_first_year !== d.scenario_first_year);
  for (const d of sat.slice(0, 3))
    out.push(
      `Outlook: ${(d.kind === 'crossing' && crossingNames.get(d.id)) || d.id} saturates ${d.scenario_first_year === null ? 'no longer before the horizon' : `in ${d.scenario_first_year}`} (base: ${d.base_first_year ?? 'not before the horizon'}).`,
    );
  if (out.length === 0)
    out.push(
      `${s.title}: no difference in waits, flows or routes both beyond chance and large enough to show (a minute, a unit a day).`,
    );
  return out;
}
