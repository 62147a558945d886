import { CustomerRef, EventInput } from '@scrm/core';
import { FieldError, invalidFields } from '@scrm/platform';

/** Serialized properties of one event may not exceed this. */
export const MAX_PROPERTIES_CHARS = 8_192;
/** Clock skew tolerated on occurredAt. */
const FUTURE_SLACK_MS = 24 * 3600_000;
const TYPE = /^[A-Za-z0-9_.:-]{1,48}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELDS = new Set(['idempotencyKey', 'customerId', 'externalUserId', 'unionid', 'type', 'occurredAt', 'properties']);
/** Enough to fix a batch; a batch wrong everywhere does not get a 1,000-line answer. */
const MAX_REPORTED = 50;

/**
 * Checks every event of a batch (the fields EventDto documents) and answers them as EventInput, or throws the 400
 * naming each bad field (`events.3.occurredAt`). Hand-written rather than class-validator's nested validation,
 * which cost more than the whole insert for a batch of 1,000 on the ingestion path.
 */
export function parseEvents(raw: unknown[], now: Date): EventInput[] {
  const errors: FieldError[] = [];
  const out: EventInput[] = [];
  for (let i = 0; i < raw.length && errors.length < MAX_REPORTED; i++) {
    const e = raw[i];
    const fail = (field: string, error: string) => errors.push({ field: `events.${i}${field ? `.${field}` : ''}`, errors: [error] });
    if (typeof e !== 'object' || e === null || Array.isArray(e)) {
      fail('', 'must be an object');
      continue;
    }
    const o = e as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!FIELDS.has(k)) fail(k, `property ${k} should not exist`);
    if (!isString(o.idempotencyKey, 1, 128)) fail('idempotencyKey', 'idempotencyKey must be a string of 1 to 128 characters');
    const refs: CustomerRef[] = [];
    if (o.customerId !== undefined) {
      if (typeof o.customerId === 'string' && UUID.test(o.customerId)) refs.push({ kind: 'id', value: o.customerId });
      else fail('customerId', 'customerId must be a UUID');
    }
    if (o.externalUserId !== undefined) {
      if (isString(o.externalUserId, 1, 64)) refs.push({ kind: 'external_userid', value: o.externalUserId });
      else fail('externalUserId', 'externalUserId must be a string of 1 to 64 characters');
    }
    if (o.unionid !== undefined) {
      if (isString(o.unionid, 1, 64)) refs.push({ kind: 'unionid', value: o.unionid });
      else fail('unionid', 'unionid must be a string of 1 to 64 characters');
    }
    const given = ['customerId', 'externalUserId', 'unionid'].filter((k) => o[k] !== undefined).length;
    if (given !== 1) fail('customerId', 'give exactly one of customerId, externalUserId, unionid');
    if (typeof o.type !== 'string' || !TYPE.test(o.type)) fail('type', 'type must be letters, digits, _ . : - (at most 48)');
    const at = typeof o.occurredAt === 'string' ? new Date(o.occurredAt) : null;
    if (!at || Number.isNaN(at.getTime())) fail('occurredAt', 'occurredAt must be an ISO 8601 date-time string');
    else if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) fail('occurredAt', 'occurredAt is more than a day in the future');
    else if (at.getUTCFullYear() < 1900) fail('occurredAt', 'occurredAt must be in 1900 or later');
    const properties = o.properties ?? {};
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) fail('properties', 'properties must be an object');
    else if (JSON.stringify(properties).length > MAX_PROPERTIES_CHARS) fail('properties', `properties must serialize to at most ${MAX_PROPERTIES_CHARS} characters`);
    // Postgres can store neither a NUL in text nor \u0000 in jsonb.
    if (JSON.stringify(o).includes('\\u0000')) fail('', 'must not contain NUL characters');
    if (refs.length === 1 && at) {
      out.push({ idempotencyKey: o.idempotencyKey as string, customer: refs[0], type: o.type as string, occurredAt: at, properties: properties as Record<string, unknown> });
    }
  }
  if (errors.length > 0) throw invalidFields(errors);
  return out;
}

function isString(v: unknown, min: number, max: number): v is string {
  return typeof v === 'string' && v.length >= min && v.length <= max;
}
