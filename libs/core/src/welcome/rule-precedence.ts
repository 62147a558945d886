import { inSlot, LocalMoment } from '../clock/local-time';
import { WelcomeWindow } from './welcome.types';

export interface RuleCandidate {
  id: string;
  name: string;
  channelId: string | null;
  userId: string | null;
  windows: WelcomeWindow[];
  createdAt: Date;
}

export type RuleScope = 'channel+member' | 'channel' | 'member' | 'default';

export interface RuleVerdict {
  ruleId: string;
  name: string;
  scope: RuleScope;
  applies: boolean;
  /** Why it applies or not, in words. */
  because: string;
  /** 4 channel+member … 1 default, then +0.5 for a matching window: the sort key. */
  rank: number;
}

const LEVEL: Record<RuleScope, number> = { 'channel+member': 4, channel: 3, member: 2, default: 1 };

export function scopeOf(r: Pick<RuleCandidate, 'channelId' | 'userId'>): RuleScope {
  if (r.channelId && r.userId) return 'channel+member';
  if (r.channelId) return 'channel';
  if (r.userId) return 'member';
  return 'default';
}

/**
 * Precedence: channel+member > channel > member > default; within a level a rule whose time window
 * matches beats an unrestricted one; a rule with windows none of which matches does not apply; last tie
 * break is the older rule. Returns every rule's verdict, best first, so a preview can say why.
 */
export function rankRules(rules: RuleCandidate[], ctx: { channelId: string | null; userId: string; at: LocalMoment }): RuleVerdict[] {
  const verdicts = rules.map((r) => {
    const scope = scopeOf(r);
    const base = { ruleId: r.id, name: r.name, scope, createdAt: r.createdAt.getTime() };
    if (r.channelId && r.channelId !== ctx.channelId) return { ...base, applies: false, because: 'another channel', rank: 0 };
    if (r.userId && r.userId !== ctx.userId) return { ...base, applies: false, because: 'another member', rank: 0 };
    if (r.windows.length === 0) return { ...base, applies: true, because: `${scope} rule, any time`, rank: LEVEL[scope] };
    const hit = r.windows.find((w) => w.weekdays.includes(ctx.at.weekday) && inSlot(ctx.at.minutes, w.start, w.end));
    if (!hit) return { ...base, applies: false, because: 'outside its time windows', rank: 0 };
    return { ...base, applies: true, because: `${scope} rule, inside window ${hit.weekdays.join(',')} ${hit.start}-${hit.end}`, rank: LEVEL[scope] + 0.5 };
  });
  verdicts.sort((a, b) => Number(b.applies) - Number(a.applies) || b.rank - a.rank || a.createdAt - b.createdAt);
  return verdicts.map(({ createdAt: _c, ...v }) => v);
}
