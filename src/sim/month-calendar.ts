/**
 * The calendar month of simulated time: a run starts at 00:00 UTC on its start date (time 0), so
 * that seasonal profiles (Caspian storms, the Chinese New Year) follow the months a run goes through.
 */

const MS_PER_H = 3_600_000;

/** Twelve factors, January first, and the run's start, from which each simulated hour has its month. */
export interface MonthlyFactors {
  /** The factor of each month, January first. */
  readonly factors: readonly number[];
  /** The run's start date, YYYY-MM-DD: time 0 is its midnight UTC. */
  readonly start_date: string;
}

/**
 * Month of simulated time, and when that month ends: the month found last is kept, so that looking
 * up the times of a run in order costs a comparison each.
 */
export class MonthCalendar {
  private readonly startMs: number;
  private from_h = Number.POSITIVE_INFINITY;
  private until_h = Number.NEGATIVE_INFINITY;
  private month = 0;

  /** @param startDate YYYY-MM-DD, the day whose 00:00 UTC is time 0 */
  constructor(startDate: string) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startDate);
    const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
    if (!m || Number.isNaN(ms) || new Date(ms).getUTCDate() !== Number(m[3]))
      throw new RangeError(`a start date is YYYY-MM-DD, got "${startDate}"`);
    this.startMs = ms;
  }

  /** Month of the simulated time `time_h` (0 = January). */
  monthAt(time_h: number): number {
    if (!(time_h >= this.from_h && time_h < this.until_h)) this.locate(time_h);
    return this.month;
  }

  /** Simulated time at which the month of `time_h` ends (the next month's 00:00 UTC on its 1st). */
  monthEnd(time_h: number): number {
    if (!(time_h >= this.from_h && time_h < this.until_h)) this.locate(time_h);
    return this.until_h;
  }

  private locate(time_h: number): void {
    const at = new Date(this.startMs + time_h * MS_PER_H);
    // months counted from January of year 0, so that one step either way crosses a year too
    let index = at.getUTCFullYear() * 12 + at.getUTCMonth();
    const edge = (k: number) => (Date.UTC(Math.floor(k / 12), k % 12, 1) - this.startMs) / MS_PER_H;
    // the milliseconds of a time on a month's edge may round to the other side of it
    while (time_h >= edge(index + 1)) index++;
    while (time_h < edge(index)) index--;
    this.month = index % 12;
    this.from_h = edge(index);
    this.until_h = edge(index + 1);
  }
}

/** Mean of twelve monthly factors (months weighted alike, as the file format's profiles are). */
export function annualMean(factors: readonly number[]): number {
  return factors.reduce((s, x) => s + x, 0) / factors.length;
}
