/**
 * The network file format `caravan/1`: the one source of the model's types. TypeScript types are
 * inferred from these schemas and docs/network.schema.json is generated from them.
 */
import { z } from 'zod';
import { parseDistribution } from './distribution.js';
import { parseDuration } from './duration.js';
import { MODES } from './modes.js';

export { MODES, type Mode } from './modes.js';

export const FORMAT = 'caravan/1';

export const NODE_KINDS = ['city', 'terminal', 'junction', 'port', 'border'] as const;
export const GAUGES_MM = [1435, 1520] as const;

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'an id is lower-case letters, digits, ".", "_" or "-" (e.g. "dostyk-kz")')
  .describe('Identifier, unique within its list');

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();

/** A distribution of durations written as text: `lognormal(mean=6h, sd=2h)`, `tri(1h, 2h, 5h)`, `45min`. */
export const DistributionText = z
  .string()
  .superRefine((text, ctx) => {
    const parsed = parseDistribution(text);
    if ('error' in parsed)
      ctx.addIssue({ code: 'custom', message: parsed.error, params: { caravan: 'invalid_distribution' } });
  })
  .describe(
    'A duration distribution: exp(mean=6h), lognormal(mean=6h, sd=2h), gamma(mean, sd), tri(min, mode, max), uniform(min, max), const(2h) or a plain duration, empirical(1h, 2h: 0.5, …)',
  );

/** A duration written as text: `45min`, `6h`, `1.5d`. */
export const DurationText = z
  .string()
  .superRefine((text, ctx) => {
    const parsed = parseDuration(text);
    if ('error' in parsed)
      ctx.addIssue({ code: 'custom', message: parsed.error, params: { caravan: 'invalid_duration' } });
  })
  .describe('A duration with a unit: 30s, 45min, 6h, 1.5d, 2w');

/** A calendar date, YYYY-MM-DD. */
export const DateText = z.iso.date().describe('A calendar date, YYYY-MM-DD');

/** A probability in [0, 1]. */
const probability = z.number().min(0).max(1);

/** Where a figure comes from: a source id, a source with a note, or an estimate saying how it was made. */
export const ProvenanceRef = z
  .union([
    z.string().describe('id of an entry of `sources`'),
    z.strictObject({ source: z.string(), note: z.string().optional() }),
    z.strictObject({ estimate: z.string().min(1).describe('how the figure was estimated') }),
  ])
  .describe('Provenance of one figure');

/** Provenance of an entity's figures, keyed by field name (`distance_km`, `"lon, lat"`, `*` for all). */
const provenance = z
  .record(z.string(), ProvenanceRef)
  .describe(
    'Provenance of the figures of this entry, keyed by field name ("distance_km", "steps", "lon, lat" for several); "*" covers every figure',
  );

export const Source = z.strictObject({
  id,
  title: z.string().min(1),
  publisher: z.string().optional(),
  url: z.string().optional(),
  date: z.string().optional().describe('publication or access date, as written by the source'),
  reliability: z
    .enum(['primary', 'secondary', 'third-party'])
    .optional()
    .describe('primary or official / secondary (press quoting officials) / third party'),
});

export const UnitType = z.strictObject({
  id,
  name: z.string().optional(),
  t: positive.describe('tonnes of cargo a loaded unit carries'),
  teu: nonNegative.optional().describe('twenty-foot equivalent units a unit carries'),
  provenance: provenance.optional(),
});

export const ModeProperties = z.strictObject({
  unit: z.string().describe('id of the unit (in `units`) that the mode carries, e.g. truck for road'),
  co2e_g_per_t_km: nonNegative.describe(
    'well-to-wheel emission intensity, g CO2e per tonne-km (GLEC / ISO 14083)',
  ),
  idle_co2e_kg_per_unit_h: nonNegative
    .optional()
    .describe('emissions while a unit waits (an idling truck), kg CO2e per unit-hour'),
  value_of_time_usd_per_t_h: nonNegative.optional(),
  provenance: provenance.optional(),
});

/** Fields of a dated change: when it starts and, optionally, ends. */
const dateRange = {
  from: DateText.describe('first day the change holds'),
  until: DateText.optional().describe('first day it no longer holds (open-ended when absent)'),
  note: z.string().optional().describe('what changed and why'),
};

/**
 * Dated changes of an entry: each holds from `from` (inclusive) to `until` (exclusive), the later one
 * winning where two hold; the network on a day sees the entry's fields as those changes leave them.
 */
function timeline<S extends z.ZodRawShape>(fields: S, closable = true) {
  const closed = closable
    ? {
        closed: z
          .literal(true)
          .optional()
          .describe('out of service while the change holds (a dated closure: a border shut for two weeks)'),
      }
    : {};
  return z
    .array(
      z.strictObject({
        ...dateRange,
        ...closed,
        ...fields,
        provenance: provenance.optional(),
      }),
    )
    .optional()
    .describe(
      'dated changes of this entry: [{from: YYYY-MM-DD, until?: YYYY-MM-DD, <fields that change>}], applied in order',
    );
}

/** Per-direction fields, keyed by "<from>-><to>" (node ids): they hold for that direction only. */
function directions<S extends z.ZodRawShape>(fields: S) {
  return z
    .record(z.string(), z.strictObject({ ...fields, provenance: provenance.optional() }))
    .optional()
    .describe(
      'fields that hold for one direction only, keyed by "<from>-><to>" (node ids), e.g. {"khorgos->nur-zholy": {lanes: 12}}',
    );
}

/** Twelve monthly figures, January to December. */
const monthly = (item: z.ZodNumber) => z.array(item).length(12);

const nodeChangeable = {
  transshipment: z
    .strictObject({
      time: DistributionText,
      cost_usd_per_t: nonNegative.optional(),
    })
    .optional()
    .describe('handling when cargo changes mode here (rail to ferry at a port)'),
  capacity_t_per_year: positive
    .optional()
    .describe('tonnes a year handled here: transshipped between modes, loaded or unloaded (a port)'),
};

export const Node = z.strictObject({
  id,
  name: z.string().min(1),
  country: z.string().describe('ISO 3166-1 alpha-2 country code, e.g. KZ'),
  kind: z.enum(NODE_KINDS),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  aliases: z.array(z.string()).optional().describe('other names and spellings that find this node'),
  ...nodeChangeable,
  timeline: timeline(nodeChangeable, false),
  provenance: provenance.optional(),
});

const costFields = {
  cost_usd_per_t_km: nonNegative.optional().describe('tariff per tonne-km'),
  cost_usd_per_t: nonNegative.optional().describe('fixed cost per tonne'),
  cost_usd_per_unit: nonNegative.optional().describe('fixed cost per unit of the mode (see `modes`)'),
};

const capacityFields = {
  capacity_t_per_year: positive.optional().describe('capacity in tonnes per year'),
  capacity_units_per_day: positive.optional().describe('capacity in units of the mode per day'),
  capacity_trains_per_day: positive.optional().describe('capacity in trains per day (rail)'),
};

const calendarFields = {
  opens: DateText.optional().describe('first day in service (new infrastructure)'),
  closes: DateText.optional().describe('first day out of service'),
};

const linkDirectional = {
  time: DistributionText.optional().describe('travel time of a unit over the link'),
  speed_kmh: positive.optional().describe('average speed; time = distance_km / speed_kmh'),
  ...costFields,
  ...capacityFields,
};
const LinkDirection = directions(linkDirectional);

const linkChangeable = {
  distance_km: positive.optional(),
  ...linkDirectional,
  directions: LinkDirection,
};

export const Link = z.strictObject({
  id: id.optional().describe('defaults to "<from>-<to>"'),
  from: z.string(),
  to: z.string(),
  mode: z.enum(MODES),
  distance_km: positive,
  gauge_mm: z
    .union([z.literal(1435), z.literal(1520)])
    .optional()
    .describe('rail gauge'),
  bidirectional: z.boolean().default(true),
  ...linkDirectional,
  directions: LinkDirection,
  ...calendarFields,
  timeline: timeline(linkChangeable),
  provenance: provenance.optional(),
});

export const Step = z.strictObject({
  name: z.string().min(1),
  time: DistributionText,
  probability: probability.default(1).describe('share of units that go through this step'),
  repeat: probability.default(0).describe('probability that the step is repeated once more after each pass'),
});

/** How drivers react to a long queue at a crossing; absent fields: they wait however long it takes. */
export const Drivers = z
  .strictObject({
    balk_above_wait: DistributionText.optional().describe(
      'balking: each arriving unit draws a threshold and does not join (takes another route, or gives up) when the expected wait, units waiting ahead ÷ the clearance rate, is above it',
    ),
    patience: DistributionText.optional().describe(
      'reneging: each unit draws a patience and leaves (gives up) if it has not got a lane by then',
    ),
    e_queue: z
      .boolean()
      .optional()
      .describe(
        'units wait off the border in an appointment backlog (the e-queue), called forward at the rate the crossing clears (lanes, hours, quota)',
      ),
    backlog_at_start_units: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe(
        'units already waiting when a run starts (in the e-queue backlog, else at the border): the queue of a dated state, so that a run does not begin empty',
      ),
  })
  .describe("drivers' behaviour at the crossing: balking, reneging, an e-queue backlog");

const crossingDirectional = {
  lanes: z.number().int().positive().optional().describe('servers in each direction: lanes or tracks'),
  hours: z.string().optional().describe('opening calendar: "24/7" or "Mon-Sat 09:00-18:00; Sun 10:00-14:00"'),
  tz: z
    .string()
    .optional()
    .describe('time zone of `hours`: an IANA name (Asia/Almaty) or an offset (UTC+05:00)'),
  steps: z.array(Step).min(1).optional().describe('the clearance process, in order'),
  quota_units_per_day: positive.optional().describe('maximum units cleared per day'),
  priority_share: probability.optional().describe('share of units in a priority (green or paid) lane'),
  fees_usd_per_unit: nonNegative.optional().describe('official fees per unit'),
  drivers: Drivers.optional(),
  ...capacityFields,
};
const CrossingDirection = directions(crossingDirectional);

const gaugeChange = z
  .strictObject({ time: DistributionText, cost_usd_per_unit: nonNegative.optional() })
  .optional()
  .describe('gauge change (rail) or transshipment between the two sides');

const crossingChangeable = {
  ...crossingDirectional,
  priority_fee_usd_per_unit: nonNegative.optional(),
  gauge_change: gaugeChange,
  distance_km: nonNegative.optional(),
  directions: CrossingDirection,
};

export const Crossing = z.strictObject({
  id,
  name: z.string().min(1),
  mode: z.enum(MODES),
  from: z.string(),
  to: z.string(),
  lanes: z.number().int().positive().describe('servers in each direction: lanes or tracks'),
  hours: z
    .string()
    .default('24/7')
    .describe('opening calendar: "24/7" or "Mon-Sat 09:00-18:00; Sun 10:00-14:00"'),
  tz: z
    .string()
    .default('UTC')
    .describe('time zone of `hours`: an IANA name (Asia/Almaty) or an offset (UTC+05:00)'),
  steps: z.array(Step).min(1).describe('the clearance process, in order'),
  quota_units_per_day: positive.optional().describe('maximum units cleared per day'),
  priority_share: probability.optional().describe('share of units in a priority (green or paid) lane'),
  priority_fee_usd_per_unit: nonNegative.optional(),
  gauge_change: gaugeChange,
  fees_usd_per_unit: nonNegative.optional().describe('official fees per unit'),
  drivers: Drivers.optional(),
  distance_km: nonNegative.default(0),
  bidirectional: z.boolean().default(true),
  ...capacityFields,
  directions: CrossingDirection,
  ...calendarFields,
  timeline: timeline(crossingChangeable),
  provenance: provenance.optional(),
});

const serviceDirectional = {
  departures_per_week: positive.optional().describe('scheduled departures per week, evenly spread'),
  capacity_units: z.number().int().positive().optional().describe('units one departure carries'),
  fare_usd_per_unit: nonNegative.optional(),
  capacity_t_per_year: capacityFields.capacity_t_per_year,
  capacity_units_per_day: capacityFields.capacity_units_per_day,
};
const ServiceDirection = directions(serviceDirectional);

const sailingShare = monthly(z.number().min(0).max(1))
  .optional()
  .describe(
    'share of the scheduled departures that sail in each month, January to December (weather, ice), each in [0, 1]',
  );

const serviceChangeable = {
  ...serviceDirectional,
  distance_km: positive.optional(),
  time: DistributionText.optional().describe('crossing time, departure to arrival'),
  departs_when_full: z.boolean().optional(),
  max_wait: DurationText.optional(),
  capacity_trains_per_day: capacityFields.capacity_trains_per_day,
  monthly_profile: sailingShare,
  directions: ServiceDirection,
};

export const Service = z.strictObject({
  id,
  name: z.string().min(1),
  mode: z.enum(MODES),
  from: z.string(),
  to: z.string(),
  distance_km: positive,
  time: DistributionText.describe('crossing time, departure to arrival'),
  departures_per_week: positive.optional().describe('scheduled departures per week, evenly spread'),
  departs_when_full: z.boolean().default(false).describe('departs as soon as it is full'),
  max_wait: DurationText.optional().describe(
    'with departs_when_full: leaves after this long even if not full',
  ),
  capacity_units: z.number().int().positive().describe('units one departure carries'),
  fare_usd_per_unit: nonNegative.optional(),
  bidirectional: z.boolean().default(true),
  ...capacityFields,
  monthly_profile: sailingShare,
  directions: ServiceDirection,
  ...calendarFields,
  timeline: timeline(serviceChangeable),
  provenance: provenance.optional(),
});

export const HourlyProfile = z.strictObject({
  profile: z
    .array(nonNegative)
    .length(24)
    .describe('relative arrival intensity for each hour 0..23 (local time)'),
});

export const Demand = z.strictObject({
  id: id.optional().describe('defaults to "<from>-><to>"'),
  from: z.string(),
  to: z.string(),
  units_per_day: positive.optional(),
  t_per_year: positive.optional().describe('tonnes a year; with units_per_day as well, the two must agree'),
  unit: z
    .string()
    .optional()
    .describe(
      'id of a unit in `units` (truck, teu, …) that units_per_day counts; default: the unit of `mode`',
    ),
  mode: z
    .enum(MODES)
    .optional()
    .describe('the mode the demand is counted in (its unit), and without `modes` the only mode it may use'),
  modes: z.array(z.enum(MODES)).optional().describe('modes the cargo may use (default: `mode`, else all)'),
  cargo: z.string().optional().describe('cargo type, e.g. containers, bulk'),
  cargo_class: z
    .string()
    .optional()
    .describe(
      'id of an entry of `cargo_classes`, whose unserved cost applies (default: the entry whose id is `cargo`, if any)',
    ),
  arrivals: z.union([z.enum(['poisson', 'uniform']), HourlyProfile]).default('poisson'),
  monthly_profile: monthly(nonNegative)
    .optional()
    .describe('relative intensity in each month, January to December (scaled to a mean of 1)'),
  growth_per_year: z.number().min(-1).max(10).optional().describe('demand growth, 0.05 = 5% a year'),
  unserved_cost_usd_per_t: nonNegative
    .optional()
    .describe(
      'what a tonne the network leaves unserved costs: the value of the trade lost, or the cost of the best alternative outside the network; overrides the cargo class',
    ),
  provenance: provenance.optional(),
});

/**
 * A class of cargo and what a tonne of it costs when the network cannot carry it: the generalized cost
 * (money + value of time × time) of its best alternative outside the network, or the value of the trade
 * lost. Assignments leave unserved the freight whose alternative costs least against its route first.
 */
export const CargoClass = z.strictObject({
  id,
  name: z.string().optional(),
  unserved_cost_usd_per_t: nonNegative.describe(
    'what a tonne of this cargo left unserved costs, USD (generalized: money + value of time × time of the alternative)',
  ),
  provenance: provenance.optional(),
});

export const Network = z.strictObject({
  format: z.literal(FORMAT),
  name: z.string().optional(),
  description: z.string().optional(),
  sources: z.array(Source).default([]),
  units: z.array(UnitType).default([]),
  modes: z.partialRecord(z.enum(MODES), ModeProperties).default({}),
  nodes: z.array(Node),
  links: z.array(Link).default([]),
  crossings: z.array(Crossing).default([]),
  services: z.array(Service).default([]),
  demand: z.array(Demand).default([]),
  cargo_classes: z
    .array(CargoClass)
    .default([])
    .describe('what unserved freight of each cargo class costs; a demand names its class with `cargo_class`'),
});

/** A network file as written (before defaults). */
export type NetworkInput = z.input<typeof Network>;
/** A network file after parsing: defaults filled in. */
export type NetworkModel = z.output<typeof Network>;
export type NodeModel = z.output<typeof Node>;
export type LinkModel = z.output<typeof Link>;
export type CrossingModel = z.output<typeof Crossing>;
export type StepModel = z.output<typeof Step>;
export type ServiceModel = z.output<typeof Service>;
export type DemandModel = z.output<typeof Demand>;
export type CargoClassModel = z.output<typeof CargoClass>;
export type SourceModel = z.output<typeof Source>;
export type UnitModel = z.output<typeof UnitType>;
export type ModePropertiesModel = z.output<typeof ModeProperties>;
export type ProvenanceRefModel = z.output<typeof ProvenanceRef>;
/** Fields that hold for one direction of a link, crossing or service. */
export type LinkDirectionModel = NonNullable<LinkModel['directions']>[string];
export type CrossingDirectionModel = NonNullable<CrossingModel['directions']>[string];
export type ServiceDirectionModel = NonNullable<ServiceModel['directions']>[string];
/** One dated change of an entry. */
export type TimelineEntryModel =
  | NonNullable<NodeModel['timeline']>[number]
  | NonNullable<LinkModel['timeline']>[number]
  | NonNullable<CrossingModel['timeline']>[number]
  | NonNullable<ServiceModel['timeline']>[number];

/** Schemas of the elements of each top-level list, used to validate element by element. */
export const ELEMENT_SCHEMAS = {
  sources: Source,
  units: UnitType,
  nodes: Node,
  links: Link,
  crossings: Crossing,
  services: Service,
  demand: Demand,
  cargo_classes: CargoClass,
} as const;
