import type { FieldError } from '@scrm/platform';
import type { AttributeOp, CompareOp } from './audience-rule';
import { AttributeInfo, AUDIENCE_LIMITS, CUSTOMER_FIELDS } from './audience-fields';

const COMPARE_OPS: readonly CompareOp[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'];
const ATTRIBUTE_OPS: readonly AttributeOp[] = [...COMPARE_OPS, 'in', 'contains', 'exists', 'not_exists'];
const KINDS = ['and', 'or', 'not', 'tag', 'attribute', 'event', 'channel', 'staff', 'addedBetween', 'inGroup'] as const;
/** Keys each kind of node may carry besides its own. */
const EXTRA_KEYS: Record<string, string[]> = {
  tag: ['minWeight'],
  attribute: ['op', 'value'],
  event: ['measure', 'property', 'withinDays', 'op', 'value'],
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Everything a rule refers to by id, with where, so the references can be checked in one query per kind. */
export interface RuleReferences {
  tags: Array<{ id: string; path: string }>;
  channels: Array<{ id: string; path: string }>;
  staff: Array<{ id: string; path: string }>;
  groups: Array<{ id: string; path: string }>;
}

/**
 * Checks a rule's shape against the language and the tenant's attribute definitions, without touching the database.
 * Answers every problem with its JSON path (rule.and[1].tag) and the references to check next.
 */
export function checkRuleShape(rule: unknown, path: string, attributes: Map<string, AttributeInfo>): { errors: FieldError[]; refs: RuleReferences } {
  const errors: FieldError[] = [];
  const refs: RuleReferences = { tags: [], channels: [], staff: [], groups: [] };
  const fail = (field: string, error: string) => void errors.push({ field, errors: [error] });
  let leaves = 0;

  const visit = (node: unknown, at: string, depth: number): void => {
    if (depth > AUDIENCE_LIMITS.maxDepth) return fail(at, `rules nest at most ${AUDIENCE_LIMITS.maxDepth} levels deep`);
    if (!isPlainObject(node)) return fail(at, 'must be a rule object');
    const kinds = KINDS.filter((k) => k in node);
    if (kinds.length !== 1) return fail(at, `must have exactly one of ${KINDS.join(', ')}`);
    const kind = kinds[0];
    const allowed = new Set([kind, ...(EXTRA_KEYS[kind] ?? [])]);
    for (const k of Object.keys(node)) if (!allowed.has(k)) fail(`${at}.${k}`, 'is not allowed here');
    const own = `${at}.${kind}`;
    const value = node[kind];

    if (kind === 'and' || kind === 'or') {
      if (!Array.isArray(value) || value.length === 0) return fail(own, 'must be a non-empty array of rules');
      if (value.length > AUDIENCE_LIMITS.maxLeaves) return fail(own, `must have at most ${AUDIENCE_LIMITS.maxLeaves} rules`);
      value.forEach((child, i) => visit(child, `${own}[${i}]`, depth + 1));
      return;
    }
    if (kind === 'not') return visit(value, own, depth + 1);

    leaves += 1;
    if (leaves === AUDIENCE_LIMITS.maxLeaves + 1) fail(path, `must have at most ${AUDIENCE_LIMITS.maxLeaves} conditions`);
    switch (kind) {
      case 'tag':
        if (!isId(value)) fail(own, 'must be a tag id');
        else refs.tags.push({ id: value, path: own });
        if ('minWeight' in node && !(isNumber(node.minWeight) && node.minWeight >= 0 && node.minWeight <= 1)) fail(`${at}.minWeight`, 'must be a number in [0, 1]');
        return;
      case 'channel':
        if (!isId(value)) fail(own, 'must be a channel id');
        else refs.channels.push({ id: value, path: own });
        return;
      case 'staff':
        if (!isName(value)) fail(own, 'must be a WeCom userid');
        else refs.staff.push({ id: value, path: own });
        return;
      case 'inGroup':
        if (!isName(value)) fail(own, 'must be a group chat id');
        else refs.groups.push({ id: value, path: own });
        return;
      case 'addedBetween':
        return checkAddedBetween(value, own, fail);
      case 'event':
        return checkEvent(node, at, fail);
      case 'attribute':
        return checkAttribute(node, at, attributes, fail);
    }
  };

  visit(rule, path, 1);
  return { errors, refs };
}

type Fail = (field: string, error: string) => void;

function checkAddedBetween(value: unknown, at: string, fail: Fail): void {
  if (!isPlainObject(value)) return fail(at, 'must be an object { from?, to? }');
  for (const k of Object.keys(value)) if (k !== 'from' && k !== 'to') fail(`${at}.${k}`, 'is not allowed here');
  if (value.from === undefined && value.to === undefined) return fail(at, 'needs from, to or both');
  for (const k of ['from', 'to'] as const) if (value[k] !== undefined && !isDate(value[k])) fail(`${at}.${k}`, 'must be an ISO 8601 date');
  if (isDate(value.from) && isDate(value.to) && Date.parse(value.from) > Date.parse(value.to)) fail(`${at}.to`, 'must not be before from');
}

function checkEvent(node: Record<string, unknown>, at: string, fail: Fail): void {
  if (typeof node.event !== 'string' || node.event.length === 0 || node.event.length > 48) fail(`${at}.event`, 'must be an event type of 1 to 48 characters');
  if (node.measure !== 'count' && node.measure !== 'sum') fail(`${at}.measure`, "must be 'count' or 'sum'");
  if (node.measure === 'sum' && !isName(node.property)) fail(`${at}.property`, 'must name the numeric property to sum');
  if (node.measure !== 'sum' && node.property !== undefined) fail(`${at}.property`, "is only for measure 'sum'");
  if (!Number.isInteger(node.withinDays) || (node.withinDays as number) < 1 || (node.withinDays as number) > AUDIENCE_LIMITS.maxWithinDays)
    fail(`${at}.withinDays`, `must be a whole number of days from 1 to ${AUDIENCE_LIMITS.maxWithinDays}`);
  if (!COMPARE_OPS.includes(node.op as CompareOp)) fail(`${at}.op`, `must be one of ${COMPARE_OPS.join(', ')}`);
  if (!isNumber(node.value)) fail(`${at}.value`, 'must be a number');
}

function checkAttribute(node: Record<string, unknown>, at: string, attributes: Map<string, AttributeInfo>, fail: Fail): void {
  const key = node.attribute;
  const info = typeof key === 'string' ? attributeInfo(key, attributes) : undefined;
  if (!info) return fail(`${at}.attribute`, 'unknown attribute');
  const op = node.op as AttributeOp;
  if (!ATTRIBUTE_OPS.includes(op)) return fail(`${at}.op`, `must be one of ${ATTRIBUTE_OPS.join(', ')}`);
  if (!opsFor(info.type).includes(op)) return fail(`${at}.op`, `'${op}' does not apply to a ${info.type} attribute`);
  const valueAt = `${at}.value`;
  if (op === 'exists' || op === 'not_exists') {
    if (node.value !== undefined) fail(valueAt, `must be absent for '${op}'`);
    return;
  }
  if (op === 'in') {
    if (!Array.isArray(node.value) || node.value.length === 0 || node.value.length > AUDIENCE_LIMITS.maxInValues)
      return fail(valueAt, `must be an array of 1 to ${AUDIENCE_LIMITS.maxInValues} values`);
    node.value.forEach((v, i) => checkScalar(v, info, `${valueAt}[${i}]`, fail));
    return;
  }
  checkScalar(node.value, op === 'contains' ? { type: 'string', allowedValues: null } : info, valueAt, fail);
}

function checkScalar(value: unknown, info: AttributeInfo, at: string, fail: Fail): void {
  switch (info.type) {
    case 'number':
      return isNumber(value) ? undefined : fail(at, 'must be a number');
    case 'date':
      return isDate(value) ? undefined : fail(at, 'must be an ISO 8601 date');
    case 'boolean':
      return typeof value === 'boolean' ? undefined : fail(at, 'must be true or false');
    case 'enum':
      if (typeof value !== 'string' || !(info.allowedValues ?? []).includes(value)) fail(at, `must be one of ${(info.allowedValues ?? []).join(', ')}`);
      return;
    default:
      if (typeof value !== 'string' || value.length > AUDIENCE_LIMITS.maxString) fail(at, `must be a string of at most ${AUDIENCE_LIMITS.maxString} characters`);
  }
}

/** Which operators make sense for each attribute type. */
export function opsFor(type: AttributeInfo['type']): AttributeOp[] {
  switch (type) {
    case 'number':
      return [...COMPARE_OPS, 'in', 'exists', 'not_exists'];
    case 'date':
      return [...COMPARE_OPS, 'exists', 'not_exists'];
    case 'boolean':
      return ['eq', 'neq', 'exists', 'not_exists'];
    case 'enum':
      return ['eq', 'neq', 'in', 'exists', 'not_exists'];
    default:
      return ['eq', 'neq', 'in', 'contains', 'exists', 'not_exists'];
  }
}

/** A customer field wins over a definition of the same key: those names are the customer's own columns. */
export function attributeInfo(key: string, attributes: Map<string, AttributeInfo>): AttributeInfo | undefined {
  const field = CUSTOMER_FIELDS[key];
  return field ? { type: field.type, allowedValues: null } : attributes.get(key);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
function isId(v: unknown): v is string {
  return typeof v === 'string' && UUID.test(v);
}
function isName(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= 64;
}
function isDate(v: unknown): v is string {
  return typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v));
}
