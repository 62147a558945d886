import type { AttributeDefinition } from '../entities/attribute-definition.entity';

/** Longest string attribute value kept. */
export const MAX_STRING_VALUE = 1_000;

/** Years 1000 to 9999: Postgres has no year 0, and rules read these as dates. */
const DATE = /^[1-9]\d{3}-\d{2}-\d{2}$/;

/**
 * Checks one value against its definition and answers what is stored: numbers as JSON numbers, dates as
 * yyyy-MM-dd, booleans as JSON booleans. `fromText` is set for CSV cells, where every value arrives as text.
 */
export function coerceAttributeValue(def: Pick<AttributeDefinition, 'type' | 'allowedValues'>, value: unknown, fromText = false): { value: unknown } | { error: string } {
  switch (def.type) {
    case 'string':
      if (typeof value !== 'string') return { error: 'must be a string' };
      if (value.includes('\0')) return { error: 'must not contain NUL characters' };
      return value.length <= MAX_STRING_VALUE ? { value } : { error: `must be at most ${MAX_STRING_VALUE} characters` };
    case 'number': {
      const n = fromText && typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof n === 'number' && Number.isFinite(n) ? { value: n } : { error: 'must be a number' };
    }
    case 'boolean': {
      const b = fromText && typeof value === 'string' ? ({ true: true, false: false } as Record<string, boolean>)[value.trim().toLowerCase()] : value;
      return typeof b === 'boolean' ? { value: b } : { error: 'must be true or false' };
    }
    case 'date':
      return typeof value === 'string' && DATE.test(value) && validDay(value) ? { value } : { error: 'must be a date (yyyy-MM-dd)' };
    case 'enum':
      return typeof value === 'string' && (def.allowedValues ?? []).includes(value)
        ? { value }
        : { error: `must be one of: ${(def.allowedValues ?? []).join(', ')}` };
  }
}

function validDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
