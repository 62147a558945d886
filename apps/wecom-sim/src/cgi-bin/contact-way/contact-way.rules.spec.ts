import { WecomError } from '../shared/wecom-error';
import { checkMembersForType, checkShortText, checkStyle, checkTypeAndScene } from './contact-way.rules';

const code = (fn: () => unknown) => {
  try {
    fn();
    return 0;
  } catch (e) {
    return (e as WecomError).errcode;
  }
};

describe('contact way rules', () => {
  it('answers 41037..41040 for missing or invalid type and scene', () => {
    expect(code(() => checkTypeAndScene({ scene: 2 }))).toBe(41037);
    expect(code(() => checkTypeAndScene({ type: 1 }))).toBe(41038);
    expect(code(() => checkTypeAndScene({ type: 3, scene: 2 }))).toBe(41039);
    expect(code(() => checkTypeAndScene({ type: 1, scene: 9 }))).toBe(41040);
    expect(checkTypeAndScene({ type: '2', scene: 1 })).toEqual({ type: 2, scene: 1 });
  });

  it('answers 41042 for an unknown style', () => {
    expect(code(() => checkStyle(7))).toBe(41042);
    expect(checkStyle(undefined)).toBeUndefined();
  });

  it('counts 30 characters, not bytes, for state', () => {
    expect(code(() => checkShortText('渠'.repeat(30), 'state', 30))).toBe(0);
    expect(code(() => checkShortText('渠'.repeat(31), 'state', 30))).toBe(40058);
  });

  it('wants exactly one user for type 1 and someone for type 2', () => {
    expect(code(() => checkMembersForType(1, ['a', 'b'], []))).toBe(40058);
    expect(code(() => checkMembersForType(1, ['a'], [2]))).toBe(40058);
    expect(code(() => checkMembersForType(2, [], []))).toBe(40058);
    expect(code(() => checkMembersForType(2, [], [2]))).toBe(0);
  });
});
