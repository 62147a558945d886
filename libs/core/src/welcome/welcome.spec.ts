import { pickVariant } from './pick-variant';
import { renderText } from './render-text';
import { rankRules, RuleCandidate } from './rule-precedence';

const rule = (id: string, o: Partial<RuleCandidate> = {}): RuleCandidate => ({ id, name: id, channelId: null, userId: null, windows: [], createdAt: new Date(0), ...o });
const tueMorning = { date: '2026-12-01', weekday: 2, minutes: 10 * 60 };
const tueNight = { ...tueMorning, minutes: 22 * 60 };
const ctx = { channelId: 'c1', userId: 'anna', at: tueMorning };
const afterHours = [{ weekdays: [1, 2, 3, 4, 5], start: '18:00', end: '09:00' }];

describe('welcome rule precedence', () => {
  const all = [rule('default'), rule('member', { userId: 'anna' }), rule('channel', { channelId: 'c1' }), rule('both', { channelId: 'c1', userId: 'anna' })];
  const best = (rules: RuleCandidate[], c = ctx) => rankRules(rules, c).filter((v) => v.applies)[0]?.ruleId;

  it('channel+member > channel > member > default', () => {
    expect(best(all)).toBe('both');
    expect(best(all.slice(0, 3))).toBe('channel');
    expect(best(all.slice(0, 2))).toBe('member');
    expect(best(all.slice(0, 1))).toBe('default');
  });

  it('ignores rules of other channels and members', () => {
    expect(best([rule('default'), rule('x', { channelId: 'c2' }), rule('y', { userId: 'bert' })])).toBe('default');
  });

  it('a matching window beats an unrestricted rule of the same level, and a non-matching one never applies', () => {
    const rules = [rule('plain', { channelId: 'c1' }), rule('night', { channelId: 'c1', windows: afterHours })];
    expect(best(rules, { ...ctx, at: tueNight })).toBe('night');
    expect(best(rules, ctx)).toBe('plain');
    expect(best([rule('night', { windows: afterHours })], ctx)).toBeUndefined();
  });
});

describe('renderText', () => {
  it('fills variables and fallbacks', () => {
    expect(renderText('Hi {customer_name|friend}, I am {staff_name} from {channel_name}{x}', { customer_name: '', staff_name: 'Anna', channel_name: 'Fair' }))
      .toBe('Hi friend, I am Anna from Fair{x}');
    expect(renderText('Hi {customer_name}!', {})).toBe('Hi !');
  });
});

describe('pickVariant', () => {
  it('follows the weights', () => {
    const vs = [{ name: 'a', weight: 1, text: 'a', attachments: [] }, { name: 'b', weight: 3, text: 'b', attachments: [] }];
    expect(pickVariant(vs, 0.2)?.name).toBe('a');
    expect(pickVariant(vs, 0.3)?.name).toBe('b');
    expect(pickVariant([], 0.5)).toBeNull();
  });
});
