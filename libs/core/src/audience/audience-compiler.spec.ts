import { compileRule } from './audience-compiler';
import type { AudienceRule } from './audience-rule';
import { checkRuleShape } from './audience-shape';
import { SqlParams } from './sql-params';

describe('compileRule', () => {
  const attributes = new Map([['city', { type: 'string' as const, allowedValues: null }]]);
  const evil = "x'); DROP TABLE customers; --";

  it('never puts a value from the rule into the SQL text', () => {
    const rule: AudienceRule = {
      or: [
        { attribute: 'city', op: 'contains', value: evil },
        { staff: evil },
        { inGroup: evil },
        { event: evil.slice(0, 40), measure: 'sum', property: evil, withinDays: 3, op: 'gt', value: 1 },
      ],
    };
    const params = new SqlParams();
    const sql = compileRule(rule, { tenant: params.add('t', 'uuid'), params, attributes, now: new Date() });
    expect(sql).not.toContain('DROP');
    expect(params.values).toContain(evil);
  });

  it('wraps `not` around the whole child, and comparisons so they are never NULL', () => {
    const params = new SqlParams();
    const sql = compileRule({ not: { attribute: 'city', op: 'eq', value: 'a' } }, { tenant: params.add('t'), params, attributes, now: new Date() });
    expect(sql).toMatch(/^\(NOT COALESCE\(.*, false\)\)$/s);
  });
});

describe('checkRuleShape', () => {
  it('collects references with their paths', () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const { errors, refs } = checkRuleShape({ and: [{ tag: id }, { not: { staff: 'u1' } }] }, 'rule', new Map());
    expect(errors).toEqual([]);
    expect(refs.tags).toEqual([{ id, path: 'rule.and[0].tag' }]);
    expect(refs.staff).toEqual([{ id: 'u1', path: 'rule.and[1].not.staff' }]);
  });

  it('names unknown keys inside a node', () => {
    expect(checkRuleShape({ staff: 'u1', extra: 1 }, 'rule', new Map()).errors).toEqual([{ field: 'rule.extra', errors: ['is not allowed here'] }]);
  });
});
