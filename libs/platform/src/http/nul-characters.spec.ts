import { nulFieldPath } from './nul-characters';

describe('nulFieldPath', () => {
  it('names the first string or key holding a NUL by its dotted path', () => {
    expect(nulFieldPath({ events: [{ type: 'x' }, { properties: { ok: 'y', note: 'a\u0000b' } }] })).toBe('events.1.properties.note');
    expect(nulFieldPath({ values: { ['bad\u0000key']: 1 } })).toBe('values.bad\u0000key');
    expect(nulFieldPath('a\u0000')).toBe('body');
  });

  it('finds nothing in clean bodies, including a literal backslash-u0000 text', () => {
    expect(nulFieldPath({ name: 'a\\u0000b', n: 1, list: [null, true, 'x'] })).toBeNull();
    expect(nulFieldPath(null)).toBeNull();
  });
});
