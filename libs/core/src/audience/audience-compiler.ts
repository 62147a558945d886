import type { AttributeOp, AudienceRule, CompareOp } from './audience-rule';
import { AttributeInfo, CUSTOMER_FIELDS } from './audience-fields';
import { attributeInfo } from './audience-shape';
import { SqlParams } from './sql-params';

export interface CompileContext {
  /** Placeholder of the tenant id (already added to params). */
  tenant: string;
  params: SqlParams;
  attributes: Map<string, AttributeInfo>;
  /** Event windows end here (the injectable clock). */
  now: Date;
  /** Placeholders bounding customer ids [from, to) when a count runs in slices (AudienceMatcherService.count). */
  slice?: { from?: string; to?: string };
}

const SQL_OP: Record<CompareOp, string> = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };

/**
 * Compiles a checked rule (checkRuleShape) to a boolean SQL predicate over `customers c`.
 * Every leaf is two-valued (EXISTS, or a comparison wrapped in COALESCE(..., false)), so NOT (...) is the exact
 * complement: a NULL leaf would make `not` drop customers instead of keeping them.
 */
export function compileRule(rule: AudienceRule, ctx: CompileContext): string {
  const { params: p, tenant } = ctx;
  if ('and' in rule) return `(${rule.and.map((r) => compileRule(r, ctx)).join(' AND ')})`;
  if ('or' in rule) return `(${rule.or.map((r) => compileRule(r, ctx)).join(' OR ')})`;
  if ('not' in rule) return `(NOT ${compileRule(rule.not, ctx)})`;
  if ('tag' in rule) {
    const weight = rule.minWeight !== undefined ? ` AND ct.weight >= ${p.add(rule.minWeight, 'real')}` : '';
    return `EXISTS (SELECT 1 FROM customer_tags ct WHERE ct.tenant_id = ${tenant} AND ct.customer_id = c.id AND ct.tag_id = ${p.add(rule.tag, 'uuid')}${weight}${inSlice('ct.customer_id', ctx)})`;
  }
  if ('channel' in rule)
    return `EXISTS (SELECT 1 FROM channel_adds ca WHERE ca.tenant_id = ${tenant} AND ca.external_user_id = c.external_user_id AND ca.channel_id = ${p.add(rule.channel, 'uuid')})`;
  if ('staff' in rule)
    return `EXISTS (SELECT 1 FROM relationships rs WHERE rs.tenant_id = ${tenant} AND rs.external_user_id = c.external_user_id AND rs.status = 'active' AND rs.user_id = ${p.add(rule.staff, 'text')})`;
  if ('inGroup' in rule)
    return `EXISTS (SELECT 1 FROM group_chat_members gm WHERE gm.tenant_id = ${tenant} AND gm.member_id = c.external_user_id AND gm.type = 2 AND gm.chat_id = ${p.add(rule.inGroup, 'text')})`;
  if ('addedBetween' in rule) {
    const { from, to } = rule.addedBetween;
    const bounds = [from ? ` AND ra.added_at >= ${p.add(from, 'timestamptz')}` : '', to ? ` AND ra.added_at < ${p.add(to, 'timestamptz')}` : ''].join('');
    return `EXISTS (SELECT 1 FROM relationships ra WHERE ra.tenant_id = ${tenant} AND ra.external_user_id = c.external_user_id AND ra.status = 'active'${bounds})`;
  }
  if ('event' in rule) return compileEvent(rule, ctx);
  if ('attribute' in rule) return compileAttribute(rule, ctx);
  throw new Error('uncheckable rule reached the compiler');
}

type EventRule = Extract<AudienceRule, { event: string }>;

function compileEvent(rule: EventRule, ctx: CompileContext): string {
  const { params: p, tenant } = ctx;
  const w: EventWindow = {
    type: p.add(rule.event, 'text'),
    since: p.add(new Date(ctx.now.getTime() - rule.withinDays * 86_400_000), 'timestamptz'),
    now: p.add(ctx.now, 'timestamptz'),
  };
  const from = eventsOf('c.id', w, tenant);
  if (rule.measure === 'count') {
    // "at least once" and "never" are the common questions: answered from the per-type summary, see didWithin.
    if ((rule.op === 'gte' && rule.value === 1) || (rule.op === 'gt' && rule.value === 0)) return didWithin(w, ctx);
    if ((rule.op === 'lt' && rule.value === 1) || ((rule.op === 'eq' || rule.op === 'lte') && rule.value === 0)) return `(NOT ${didWithin(w, ctx)})`;
    return `((SELECT count(*) ${from}) ${SQL_OP[rule.op]} ${p.add(rule.value, 'numeric')})`;
  }
  const prop = p.add(rule.property, 'text');
  const amount = `CASE WHEN jsonb_typeof(e.properties -> ${prop}) = 'number' THEN (e.properties ->> ${prop})::numeric END`;
  return `((SELECT coalesce(sum(${amount}), 0) ${from}) ${SQL_OP[rule.op]} ${p.add(rule.value, 'numeric')})`;
}

/** Placeholders of an event leaf's type and window [since, now]. */
interface EventWindow {
  type: string;
  since: string;
  now: string;
}

function eventsOf(customerId: string, w: EventWindow, tenant: string): string {
  return `FROM customer_events e WHERE e.tenant_id = ${tenant} AND e.customer_id = ${customerId} AND e.type = ${w.type}
      AND e.occurred_at >= ${w.since} AND e.occurred_at <= ${w.now}`;
}

/**
 * "At least one event of the type in [since, now]", exactly, from customer_event_stats: a customer whose last event
 * falls in the window did it; one whose last event is before `since` did not. Only a last event after `now` (events
 * may be reported up to a day ahead, and the clock can be set back) leaves it open, and then the events decide.
 * One summary row per customer instead of every event of the window (830k index entries for 30 days on 1M customers).
 * The fallback is a function (migration CustomerEventStats): as a sub-select the planner costs it for every summary row,
 * as if the OR never short-circuited, and turns a merge join of the summary into 150k index probes.
 */
function didWithin(w: EventWindow, ctx: CompileContext): string {
  const { tenant } = ctx;
  return `EXISTS (SELECT 1 FROM customer_event_stats s WHERE s.tenant_id = ${tenant} AND s.customer_id = c.id AND s.type = ${w.type}${inSlice('s.customer_id', ctx)}
      AND s.last_at >= ${w.since} AND (s.last_at <= ${w.now} OR customer_did_between(${tenant}, s.customer_id, ${w.type}, ${w.since}, ${w.now})))`;
}

/**
 * Bounds a leaf keyed by customer id to the slice being counted. Postgres does not carry `c.id < x` into a semi-join's
 * index scan, so without it every slice's merge join would read the leaf's rows from the first id.
 */
export function inSlice(column: string, ctx: Pick<CompileContext, 'slice'>): string {
  const from = ctx.slice?.from ? ` AND ${column} >= ${ctx.slice.from}` : '';
  const to = ctx.slice?.to ? ` AND ${column} < ${ctx.slice.to}` : '';
  return from + to;
}

type AttributeRule = Extract<AudienceRule, { attribute: string }>;

function compileAttribute(rule: AttributeRule, ctx: CompileContext): string {
  const info = attributeInfo(rule.attribute, ctx.attributes);
  if (!info) throw new Error(`unknown attribute ${rule.attribute} reached the compiler`);
  const { value: x, present } = attributeExpression(rule.attribute, info, ctx.params);
  const op: AttributeOp = rule.op;
  if (op === 'exists') return `(${present})`;
  if (op === 'not_exists') return `(NOT (${present}))`;
  const cast = info.type === 'number' ? 'numeric' : info.type === 'date' ? 'timestamptz' : info.type === 'boolean' ? 'boolean' : 'text';
  if (op === 'in') return `COALESCE(${x} = ANY(${ctx.params.add(rule.value, `${cast}[]`)}), false)`;
  if (op === 'contains') return `COALESCE(strpos(lower(${x}), lower(${ctx.params.add(rule.value, 'text')})) > 0, false)`;
  const v = ctx.params.add(rule.value, cast);
  // neq keeps customers without a value: "not Beijing" includes those whose city is unknown, as `not eq` does.
  if (op === 'neq') return `(${x} IS DISTINCT FROM ${v})`;
  return `COALESCE(${x} ${SQL_OP[op]} ${v}, false)`;
}

/** The attribute's value as a typed SQL expression (NULL when missing or of the wrong JSON type), and "has a value". */
function attributeExpression(key: string, info: AttributeInfo, p: SqlParams): { value: string; present: string } {
  const field = CUSTOMER_FIELDS[key];
  if (field) {
    const present = field.type === 'string' ? `coalesce(${field.column}, '') <> ''` : `${field.column} IS NOT NULL`;
    return { value: field.column, present };
  }
  const k = p.add(key, 'text');
  const json = `(c.attributes -> ${k})`;
  const text = `(c.attributes ->> ${k})`;
  const present = `coalesce(jsonb_typeof(${json}), 'null') <> 'null'`;
  switch (info.type) {
    case 'number':
      return { value: `(CASE WHEN jsonb_typeof(${json}) = 'number' THEN ${text}::numeric END)`, present };
    case 'date':
      return { value: `(CASE WHEN ${text} ~ '^\\d{4}-\\d{2}-\\d{2}' THEN ${text}::timestamptz END)`, present };
    case 'boolean':
      return { value: `(CASE WHEN jsonb_typeof(${json}) = 'boolean' THEN ${text}::boolean END)`, present };
    default:
      return { value: text, present };
  }
}
