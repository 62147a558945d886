import { EventAggregate, fixedLabels, LIFECYCLE_LABELS, RuleDefinition } from './rule-definition';

/**
 * Compiles a rule into one set-based query answering (customer_id, label, weight) for every customer the rule
 * tags. $1 is the tenant, $2 "now" (from the Clock), $3 the customers to evaluate (null = the whole tenant).
 * Everything a marketer typed travels as a parameter; only whitelisted operators are spliced in.
 */
/** An interest weighing less than this, relative to the customer's strongest, is no interest: no tag. */
export const MIN_INTEREST_WEIGHT = 0.001;

export interface RuleQuery {
  sql: string;
  params: unknown[];
}

class Params {
  readonly values: unknown[];
  constructor(tenantId: string, now: Date, customerIds: string[] | null) {
    this.values = [tenantId, now.toISOString(), customerIds];
  }
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

const CUSTOMERS = `c.tenant_id = $1 AND ($3::uuid[] IS NULL OR c.id = ANY($3::uuid[]))`;
const EVENTS = `e.tenant_id = $1 AND ($3::uuid[] IS NULL OR e.customer_id = ANY($3::uuid[]))`;

export function compileRule(d: RuleDefinition, tenantId: string, now: Date, customerIds: string[] | null): RuleQuery {
  const p = new Params(tenantId, now, customerIds);
  // Declares $1..$3 for the kinds whose body leaves one out (Postgres must know every parameter's type).
  const sql = `WITH params AS (SELECT $1::uuid AS tenant_id, $2::timestamptz AS now, $3::uuid[] AS customer_ids)
               SELECT r.customer_id, r.label, r.weight FROM (${body(d, p)}) r`;
  return { sql, params: p.values };
}

function body(d: RuleDefinition, p: Params): string {
  switch (d.kind) {
    case 'threshold':
      return `SELECT x.customer_id, ${p.add(d.tag)}::text AS label, 1::float8 AS weight
                FROM (${valuePerCustomer(d, p)}) x WHERE x.v ${d.op} ${p.add(d.value)}::float8`;
    case 'recency': {
      // The last event of the types is the latest of their summaries' last_at (customer_event_stats, exact).
      const types = d.eventTypes?.length ? `AND e.type = ANY(${p.add(d.eventTypes)}::text[])` : '';
      return `SELECT c.id AS customer_id, ${p.add(d.tag)}::text AS label, 1::float8 AS weight
                FROM customers c
                LEFT JOIN (SELECT e.customer_id, max(e.last_at) AS last FROM customer_event_stats e
                            WHERE ${EVENTS} ${types} GROUP BY e.customer_id) l ON l.customer_id = c.id
               WHERE ${CUSTOMERS} AND COALESCE(l.last, c.first_seen_at) <= $2::timestamptz - make_interval(days => ${p.add(d.days)}::int)`;
    }
    case 'buckets': {
      const values =
        d.source.type === 'attribute'
          ? attributeValue(d.source.key, p)
          : valuePerCustomer(d.source, p);
      return inBuckets(values, d.buckets.map((b) => b.min ?? null), d.buckets.map((b) => b.max ?? null), fixedLabels(d), p);
    }
    case 'lifecycle': {
      const labels = { ...LIFECYCLE_LABELS, ...d.labels };
      const count = valuePerCustomer({ eventType: d.purchaseEventType, measure: 'count' }, p);
      return inBuckets(count, [null, 1, 2], [1, 2, null], [labels.prospect, labels.new, labels.returning], p);
    }
    case 'interest':
      return interest(d, p);
  }
}

/** Every customer in scope with their aggregate (0 without events), so "fewer than" rules see the inactive too. */
function valuePerCustomer(a: EventAggregate, p: Params): string {
  // An all-time count is the summary's (customer_event_stats): one row per customer instead of every event.
  if (a.measure === 'count' && !a.windowDays)
    return `SELECT c.id AS customer_id, COALESCE(a.count, 0)::float8 AS v
              FROM customers c
              LEFT JOIN customer_event_stats a ON a.tenant_id = c.tenant_id AND a.customer_id = c.id AND a.type = ${p.add(a.eventType)}::text
             WHERE ${CUSTOMERS}`;
  const measure =
    a.measure === 'count'
      ? 'count(*)::float8'
      : `sum(CASE WHEN jsonb_typeof(e.properties -> ${p.add(a.property)}::text) = 'number' THEN (e.properties ->> ${p.add(a.property)}::text)::float8 END)`;
  const window = a.windowDays ? `AND e.occurred_at > $2::timestamptz - make_interval(days => ${p.add(a.windowDays)}::int)` : '';
  return `SELECT c.id AS customer_id, COALESCE(a.v, 0) AS v
            FROM customers c
            LEFT JOIN (SELECT e.customer_id, ${measure} AS v FROM customer_events e
                        WHERE ${EVENTS} AND e.type = ${p.add(a.eventType)}::text ${window} GROUP BY e.customer_id) a ON a.customer_id = c.id
           WHERE ${CUSTOMERS}`;
}

/** A number attribute as is; a date attribute as whole years since it (age). Customers without it are absent. */
function attributeValue(key: string, p: Params): string {
  const k = p.add(key);
  return `SELECT c.id AS customer_id,
                 CASE jsonb_typeof(c.attributes -> ${k}::text)
                   WHEN 'number' THEN (c.attributes ->> ${k}::text)::float8
                   WHEN 'string' THEN date_part('year', age($2::timestamptz::date, (c.attributes ->> ${k}::text)::date))::float8
                 END AS v
            FROM customers c
           WHERE ${CUSTOMERS} AND c.attributes ? ${k}::text`;
}

function inBuckets(values: string, mins: (number | null)[], maxs: (number | null)[], labels: string[], p: Params): string {
  return `SELECT x.customer_id, b.label, 1::float8 AS weight
            FROM (${values}) x
            JOIN unnest(${p.add(mins)}::float8[], ${p.add(maxs)}::float8[], ${p.add(labels)}::text[]) AS b(mn, mx, label)
              ON (b.mn IS NULL OR x.v >= b.mn) AND (b.mx IS NULL OR x.v < b.mx)
           WHERE x.v IS NOT NULL`;
}

function interest(d: Extract<RuleDefinition, { kind: 'interest' }>, p: Params): string {
  const actions = Object.entries(d.actionWeights);
  const touchpoints = Object.entries(d.touchpointWeights ?? {});
  const items = p.add(d.itemTagsProperty ?? 'item_tags');
  const tp = p.add(d.touchpointProperty ?? 'touchpoint');
  return `WITH scores AS (
            SELECT e.customer_id, it.tag AS label,
                   -- decay^age as exp(age × ln decay), floored at e^-700: power() raises an underflow error instead of
                   -- answering 0 for old events under a strong decay.
                   sum(exp(greatest(-700, ln(${p.add(d.decay)}::float8) * greatest(0, extract(epoch FROM $2::timestamptz - e.occurred_at)::float8 / 86400)))
                       * aw.w * COALESCE(tw.w, 1)) AS score
              FROM customer_events e
              JOIN unnest(${p.add(actions.map(([t]) => t))}::text[], ${p.add(actions.map(([, w]) => w))}::float8[]) AS aw(type, w) ON aw.type = e.type
              CROSS JOIN LATERAL jsonb_array_elements_text(
                CASE WHEN jsonb_typeof(e.properties -> ${items}::text) = 'array' THEN e.properties -> ${items}::text ELSE '[]'::jsonb END) AS it(tag)
              LEFT JOIN unnest(${p.add(touchpoints.map(([t]) => t))}::text[], ${p.add(touchpoints.map(([, w]) => w))}::float8[]) AS tw(tp, w)
                ON tw.tp = e.properties ->> ${tp}::text
             WHERE ${EVENTS} AND e.occurred_at > $2::timestamptz - make_interval(days => ${p.add(d.windowDays)}::int)
               AND length(it.tag) BETWEEN 1 AND 64
             GROUP BY e.customer_id, it.tag)
          SELECT customer_id, label, weight FROM (
            SELECT customer_id, label, score / max(score) OVER (PARTITION BY customer_id) AS weight FROM scores WHERE score > 0) w
           WHERE weight >= ${MIN_INTEREST_WEIGHT}`;
}
