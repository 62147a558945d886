import { coerceAttributeValue } from './attribute-value';

describe('coerceAttributeValue', () => {
  const enumDef = { type: 'enum' as const, allowedValues: ['gold', 'silver'] };

  it('keeps values of the declared type', () => {
    expect(coerceAttributeValue({ type: 'number', allowedValues: null }, 3.5)).toEqual({ value: 3.5 });
    expect(coerceAttributeValue({ type: 'boolean', allowedValues: null }, false)).toEqual({ value: false });
    expect(coerceAttributeValue({ type: 'date', allowedValues: null }, '2026-02-28')).toEqual({ value: '2026-02-28' });
    expect(coerceAttributeValue(enumDef, 'gold')).toEqual({ value: 'gold' });
  });

  it('refuses values of another type, impossible days and values outside the enum', () => {
    expect(coerceAttributeValue({ type: 'number', allowedValues: null }, '3')).toHaveProperty('error');
    expect(coerceAttributeValue({ type: 'string', allowedValues: null }, 3)).toHaveProperty('error');
    expect(coerceAttributeValue({ type: 'date', allowedValues: null }, '2026-02-30')).toHaveProperty('error');
    expect(coerceAttributeValue({ type: 'date', allowedValues: null }, '0000-01-01')).toHaveProperty('error');
    expect(coerceAttributeValue(enumDef, 'bronze')).toEqual({ error: 'must be one of: gold, silver' });
  });

  it('reads CSV text as numbers and booleans', () => {
    expect(coerceAttributeValue({ type: 'number', allowedValues: null }, '42', true)).toEqual({ value: 42 });
    expect(coerceAttributeValue({ type: 'number', allowedValues: null }, 'abc', true)).toHaveProperty('error');
    expect(coerceAttributeValue({ type: 'boolean', allowedValues: null }, 'TRUE', true)).toEqual({ value: true });
  });
});
