import { pickRandom } from './pick-random';

describe('pickRandom', () => {
  it('returns undefined for an empty list', () => {
    expect(pickRandom([])).toBeUndefined();
  });

  it('maps the random number over the whole list', () => {
    expect(pickRandom(['a', 'b', 'c'], () => 0)).toBe('a');
    expect(pickRandom(['a', 'b', 'c'], () => 0.5)).toBe('b');
    expect(pickRandom(['a', 'b', 'c'], () => 0.9999)).toBe('c');
  });

  it('reaches every member over many picks', () => {
    const seen = new Set(Array.from({ length: 200 }, () => pickRandom(['a', 'b', 'c'])));
    expect(seen).toEqual(new Set(['a', 'b', 'c']));
  });
});
