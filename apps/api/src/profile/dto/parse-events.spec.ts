import { BadRequestException } from '@nestjs/common';
import { parseEvents } from './parse-events';

const NOW = new Date('2026-12-01T00:00:00Z');
const ok = { idempotencyKey: 'k', externalUserId: 'wm1', type: 'purchase', occurredAt: '2026-11-30T10:00:00Z', properties: { amount: 3 } };

function fieldsOf(raw: unknown[]): string[] {
  try {
    parseEvents(raw, NOW);
    return [];
  } catch (err) {
    const body = (err as BadRequestException).getResponse() as { details: Array<{ field: string }> };
    return body.details.map((d) => d.field);
  }
}

describe('parseEvents', () => {
  it('answers events with their customer ref and a Date', () => {
    expect(parseEvents([ok, { ...ok, externalUserId: undefined, unionid: 'u1', properties: undefined }], NOW)).toEqual([
      { idempotencyKey: 'k', customer: { kind: 'external_userid', value: 'wm1' }, type: 'purchase', occurredAt: new Date('2026-11-30T10:00:00Z'), properties: { amount: 3 } },
      { idempotencyKey: 'k', customer: { kind: 'unionid', value: 'u1' }, type: 'purchase', occurredAt: new Date('2026-11-30T10:00:00Z'), properties: {} },
    ]);
  });

  it('names each bad field by index, every event checked', () => {
    expect(
      fieldsOf([
        ok,
        { ...ok, occurredAt: 'yesterday' },
        { ...ok, customerId: 'not-a-uuid' },
        { ...ok, type: 'a b', idempotencyKey: '' },
        { ...ok, properties: [1], extra: true },
        { ...ok, occurredAt: '2026-12-03T00:00:00Z', externalUserId: undefined },
        'nope',
      ]),
    ).toEqual([
      'events.1.occurredAt',
      'events.2.customerId',
      'events.2.customerId',
      'events.3.idempotencyKey',
      'events.3.type',
      'events.4.extra',
      'events.4.properties',
      'events.5.customerId',
      'events.5.occurredAt',
      'events.6',
    ]);
  });

  it('refuses NUL characters, which Postgres cannot store', () => {
    expect(fieldsOf([{ ...ok, properties: { note: 'a\u0000b' } }, { ...ok, idempotencyKey: 'k\u0000' }])).toEqual(['events.0', 'events.1']);
  });

  it('refuses dates Postgres or a timeline cannot hold', () => {
    expect(fieldsOf([{ ...ok, occurredAt: '-010000-01-01T00:00:00Z' }, { ...ok, occurredAt: '1899-12-31T00:00:00Z' }])).toEqual(['events.0.occurredAt', 'events.1.occurredAt']);
  });

  it('refuses properties too large to store', () => {
    expect(fieldsOf([{ ...ok, properties: { blob: 'x'.repeat(9_000) } }])).toEqual(['events.0.properties']);
  });
});
