import type { FieldError } from '@scrm/platform';

export const RULE_KINDS = ['threshold', 'recency', 'buckets', 'lifecycle', 'interest'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const COMPARISONS = ['>=', '>', '<=', '<', '='] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** A number per customer from their events of one type: how many, or the sum of a numeric property, over a window. */
export interface EventAggregate {
  eventType: string;
  measure: 'count' | 'sum';
  /** For 'sum': the property summed (non-numbers count as nothing). */
  property?: string;
  /** An event counts while it is less than this many days old; absent = all time. */
  windowDays?: number;
}

/** "sum of purchase.amount over 30 days >= 200 → VIP". */
export interface ThresholdRule extends EventAggregate {
  kind: 'threshold';
  op: Comparison;
  value: number;
  tag: string;
}

/** "days since last activity >= 30 → dormant". With no event at all, activity is the day the customer was first seen. */
export interface RecencyRule {
  kind: 'recency';
  /** Which events count as activity; absent or empty = any. */
  eventTypes?: string[];
  days: number;
  tag: string;
}

export interface Bucket {
  /** Inclusive; absent = no lower bound. */
  min?: number | null;
  /** Exclusive; absent = no upper bound. */
  max?: number | null;
  label: string;
}

/** Numbers into labels. A number attribute is read as is; a date attribute as whole years since that date (age). */
export interface BucketsRule {
  kind: 'buckets';
  source: { type: 'attribute'; key: string } | ({ type: 'events' } & EventAggregate);
  buckets: Bucket[];
}

/** prospect (no purchase) / new (one) / returning (two or more), over all time. */
export interface LifecycleRule {
  kind: 'lifecycle';
  purchaseEventType: string;
  labels?: { prospect?: string; new?: string; returning?: string };
}

/**
 * For each item tag: Σ decay^(age in days) × action weight × touchpoint weight over the customer's events, divided
 * by the customer's largest such sum, so each customer's strongest interest weighs 1.
 */
export interface InterestRule {
  kind: 'interest';
  decay: number;
  /** Event type → weight; only these event types count. */
  actionWeights: Record<string, number>;
  /** Touchpoint → weight; touchpoints not listed (or absent) weigh 1. */
  touchpointWeights?: Record<string, number>;
  /** The property holding the event's item tags (an array of strings). Default item_tags. */
  itemTagsProperty?: string;
  /** Default touchpoint. */
  touchpointProperty?: string;
  /** Events older than this are ignored (their decayed weight is negligible). Default 180. */
  windowDays?: number;
}

export type RuleDefinition = ThresholdRule | RecencyRule | BucketsRule | LifecycleRule | InterestRule;

export const LIFECYCLE_LABELS = { prospect: 'prospect', new: 'new', returning: 'returning' };
export const INTEREST_WINDOW_DAYS = 180;
export const MAX_WINDOW_DAYS = 3_650;
const NAME = /^[A-Za-z0-9_.:-]{1,48}$/;
const LABEL_MAX = 64;

/** The labels (tag names) a rule produces; interest rules make theirs from item tags as they appear. */
export function fixedLabels(d: RuleDefinition): string[] {
  switch (d.kind) {
    case 'threshold':
    case 'recency':
      return [d.tag];
    case 'buckets':
      return d.buckets.map((b) => b.label);
    case 'lifecycle':
      return Object.values({ ...LIFECYCLE_LABELS, ...d.labels });
    case 'interest':
      return [];
  }
}

/**
 * Checks a definition from an API body (any shape) and answers it normalised, or the fields that are wrong,
 * named under `prefix` (definition.windowDays, definition.buckets.1.max, ...).
 */
export function checkDefinition(raw: unknown, prefix = 'definition'): { definition: RuleDefinition } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (path: string, e: string) => errors.push({ field: path ? `${prefix}.${path}` : prefix, errors: [e] });
  if (!isObject(raw)) return { errors: [{ field: prefix, errors: ['must be an object'] }] };
  const r = raw;
  const str = (path: string, v: unknown, max = LABEL_MAX): string => {
    if (typeof v !== 'string' || v.trim() === '' || v.length > max || v.includes('\0')) fail(path, `must be a non-empty string of at most ${max} characters`);
    return typeof v === 'string' ? v.trim() : '';
  };
  const eventType = (path: string, v: unknown): string => {
    if (typeof v !== 'string' || !NAME.test(v)) fail(path, 'must be an event type (letters, digits, _ . : -, at most 48)');
    return v as string;
  };
  const num = (path: string, v: unknown, min: number, max: number, integer = false): number => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      fail(path, `must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
    }
    return v as number;
  };
  const aggregate = (o: Record<string, unknown>, path: string, windowRequired: boolean): EventAggregate => {
    const p = (k: string) => (path ? `${path}.${k}` : k);
    const out: EventAggregate = { eventType: eventType(p('eventType'), o.eventType), measure: o.measure as 'count' | 'sum' };
    if (o.measure !== 'count' && o.measure !== 'sum') fail(p('measure'), 'must be count or sum');
    if (o.measure === 'sum') out.property = str(p('property'), o.property);
    if (o.windowDays !== undefined || windowRequired) out.windowDays = num(p('windowDays'), o.windowDays, 1, MAX_WINDOW_DAYS, true);
    return out;
  };
  const weights = (path: string, v: unknown, required: boolean): Record<string, number> => {
    if (v === undefined && !required) return {};
    if (!isObject(v) || (required && Object.keys(v).length === 0)) {
      fail(path, required ? 'must map at least one name to a weight' : 'must map names to weights');
      return {};
    }
    for (const [k, w] of Object.entries(v)) {
      if (k.length > 48) fail(`${path}.${k.slice(0, 48)}`, 'names are at most 48 characters');
      num(`${path}.${k}`, w, 0, 1_000);
    }
    return v as Record<string, number>;
  };

  let definition: RuleDefinition;
  switch (r.kind) {
    case 'threshold':
      if (!(COMPARISONS as readonly unknown[]).includes(r.op)) fail('op', `must be one of ${COMPARISONS.join(' ')}`);
      definition = { kind: 'threshold', ...aggregate(r, '', true), op: r.op as Comparison, value: num('value', r.value, -1e12, 1e12), tag: str('tag', r.tag) };
      break;
    case 'recency': {
      const types = r.eventTypes === undefined ? [] : r.eventTypes;
      if (!Array.isArray(types) || types.length > 50) fail('eventTypes', 'must be an array of at most 50 event types');
      else types.forEach((t, i) => eventType(`eventTypes.${i}`, t));
      definition = { kind: 'recency', eventTypes: Array.isArray(types) ? (types as string[]) : [], days: num('days', r.days, 1, MAX_WINDOW_DAYS, true), tag: str('tag', r.tag) };
      break;
    }
    case 'buckets': {
      let source: BucketsRule['source'] = { type: 'attribute', key: '' };
      if (!isObject(r.source)) fail('source', 'must be an object');
      else if (r.source.type === 'attribute') source = { type: 'attribute', key: str('source.key', r.source.key) };
      else if (r.source.type === 'events') source = { type: 'events', ...aggregate(r.source, 'source', true) };
      else fail('source.type', 'must be attribute or events');
      const buckets: Bucket[] = [];
      if (!Array.isArray(r.buckets) || r.buckets.length === 0 || r.buckets.length > 50) fail('buckets', 'must be an array of 1 to 50 buckets');
      else
        r.buckets.forEach((b: unknown, i) => {
          if (!isObject(b)) return fail(`buckets.${i}`, 'must be an object');
          const min = b.min ?? null;
          const max = b.max ?? null;
          if (min !== null) num(`buckets.${i}.min`, min, -1e12, 1e12);
          if (max !== null) num(`buckets.${i}.max`, max, -1e12, 1e12);
          if (typeof min === 'number' && typeof max === 'number' && max <= min) fail(`buckets.${i}.max`, 'must be above min');
          buckets.push({ min: min as number | null, max: max as number | null, label: str(`buckets.${i}.label`, b.label) });
        });
      checkNoOverlap(buckets, fail);
      definition = { kind: 'buckets', source, buckets };
      break;
    }
    case 'lifecycle': {
      const labels: LifecycleRule['labels'] = {};
      if (r.labels !== undefined && !isObject(r.labels)) fail('labels', 'must be an object');
      else if (isObject(r.labels)) {
        for (const [k, v] of Object.entries(r.labels)) {
          if (!(k in LIFECYCLE_LABELS)) fail(`labels.${k}`, 'must be prospect, new or returning');
          else labels[k as keyof typeof LIFECYCLE_LABELS] = str(`labels.${k}`, v);
        }
      }
      definition = { kind: 'lifecycle', purchaseEventType: eventType('purchaseEventType', r.purchaseEventType), labels };
      if (new Set(fixedLabels(definition)).size !== 3) fail('labels', 'the three labels must differ');
      break;
    }
    case 'interest':
      definition = {
        kind: 'interest',
        decay: num('decay', r.decay, 0, 1),
        actionWeights: weights('actionWeights', r.actionWeights, true),
        touchpointWeights: weights('touchpointWeights', r.touchpointWeights, false),
        itemTagsProperty: r.itemTagsProperty === undefined ? 'item_tags' : str('itemTagsProperty', r.itemTagsProperty),
        touchpointProperty: r.touchpointProperty === undefined ? 'touchpoint' : str('touchpointProperty', r.touchpointProperty),
        windowDays: r.windowDays === undefined ? INTEREST_WINDOW_DAYS : num('windowDays', r.windowDays, 1, MAX_WINDOW_DAYS, true),
      };
      if (r.decay === 0) fail('decay', 'must be above 0 (1 = no decay)');
      Object.keys(definition.actionWeights).forEach((t) => eventType(`actionWeights.${t}`, t));
      break;
    default:
      return { errors: [{ field: `${prefix}.kind`, errors: [`must be one of ${RULE_KINDS.join(', ')}`] }] };
  }
  for (const k of Object.keys(r)) if (!FIELDS[definition.kind].includes(k)) fail(k, 'unknown field');
  return errors.length > 0 ? { errors } : { definition };
}

const FIELDS: Record<RuleKind, string[]> = {
  threshold: ['kind', 'eventType', 'measure', 'property', 'windowDays', 'op', 'value', 'tag'],
  recency: ['kind', 'eventTypes', 'days', 'tag'],
  buckets: ['kind', 'source', 'buckets'],
  lifecycle: ['kind', 'purchaseEventType', 'labels'],
  interest: ['kind', 'decay', 'actionWeights', 'touchpointWeights', 'itemTagsProperty', 'touchpointProperty', 'windowDays'],
};

function checkNoOverlap(buckets: Bucket[], fail: (path: string, e: string) => void): void {
  const lo = (b: Bucket) => b.min ?? -Infinity;
  const hi = (b: Bucket) => b.max ?? Infinity;
  const sorted = buckets.map((b, i) => ({ b, i })).sort((x, y) => lo(x.b) - lo(y.b));
  for (let k = 1; k < sorted.length; k++) {
    if (lo(sorted[k].b) < hi(sorted[k - 1].b)) fail(`buckets.${sorted[k].i}`, `overlaps bucket ${sorted[k - 1].i}`);
  }
  if (new Set(buckets.map((b) => b.label)).size !== buckets.length) fail('buckets', 'labels must differ');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
