import { BadRequestException, Injectable } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { CorpStore } from '../../state/corp-store';
import { randomAlnum } from '../../state/ids';
import { SimClock } from '../../state/sim-clock';
import { fail } from '../shared/wecom-error';

/** An OAuth code is single use and lives 5 minutes. */
export const OAUTH_CODE_TTL_MS = 5 * 60_000;

interface OAuthCode {
  corpId: string;
  userid?: string;
  openid?: string;
  expiresAtMs: number;
  used: boolean;
}

export interface AuthorizeQuery {
  appid?: string;
  redirect_uri?: string;
  response_type?: string;
  scope?: string;
  state?: string;
  /** Simulator only: the member who is "logged in" to WeCom (default: the first active member). */
  sim_userid?: string;
  /** Simulator only: a non-member WeChat user; getuserinfo answers { openid }. */
  sim_openid?: string;
}

@Injectable()
export class OAuthService {
  private readonly codes = new Map<string, OAuthCode>();

  constructor(
    private readonly store: CorpStore,
    private readonly clock: SimClock,
  ) {}

  /** The URL WeCom redirects the browser to: redirect_uri?code=...&state=... */
  authorize(q: AuthorizeQuery): string {
    const corp = q.appid ? this.store.find(q.appid) : undefined;
    if (!corp) throw new BadRequestException('appid invalid');
    if (!q.redirect_uri) throw new BadRequestException('redirect_uri missing');
    if (q.response_type !== 'code') throw new BadRequestException('response_type must be code');
    const who = this.whoIsLoggedIn(corp, q);
    const code = randomAlnum(43);
    this.codes.set(code, { corpId: corp.corpId, ...who, expiresAtMs: this.clock.now() + OAUTH_CODE_TTL_MS, used: false });
    const url = new URL(q.redirect_uri);
    url.searchParams.set('code', code);
    url.searchParams.set('state', q.state ?? '');
    return url.toString();
  }

  getUserInfo(corp: CorpState, code: string | undefined) {
    const entry = code ? this.codes.get(code) : undefined;
    if (!entry || entry.used || entry.corpId !== corp.corpId || entry.expiresAtMs <= this.clock.now()) fail(40029);
    entry.used = true;
    return entry.userid ? { userid: entry.userid } : { openid: entry.openid };
  }

  private whoIsLoggedIn(corp: CorpState, q: AuthorizeQuery): { userid?: string; openid?: string } {
    if (q.sim_openid) return { openid: q.sim_openid };
    if (q.sim_userid) {
      if (!corp.members.has(q.sim_userid)) throw new BadRequestException(`no member ${q.sim_userid}`);
      return { userid: q.sim_userid };
    }
    const first = [...corp.members.values()].find((m) => m.status === 1);
    if (!first) throw new BadRequestException('the corp has no active member to log in; pass sim_userid');
    return { userid: first.userid };
  }
}
