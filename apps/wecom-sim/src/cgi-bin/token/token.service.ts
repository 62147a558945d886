import { Injectable } from '@nestjs/common';
import { randomAlnum } from '../../state/ids';
import { CorpState } from '../../state/corp-state';
import { CorpStore } from '../../state/corp-store';
import { SimClock } from '../../state/sim-clock';
import { fail } from '../shared/wecom-error';

@Injectable()
export class TokenService {
  constructor(
    private readonly store: CorpStore,
    private readonly clock: SimClock,
  ) {}

  /** gettoken: one token per (corp, secret), the same one while it is valid. */
  issue(corpid: string | undefined, secret: string | undefined): { access_token: string; expires_in: number } {
    const corp = corpid ? this.store.find(corpid) : undefined;
    if (!corp) fail(40013);
    const now = this.clock.now();
    if (!corp.gettokenWindow.hit(now, corp.options.gettokenPerMinute)) fail(45009);
    if (!secret || secret !== corp.corpSecret) fail(40001);
    let current = corp.currentToken;
    if (!current || current.expiresAtMs <= now) {
      // Real tokens are long opaque strings (up to 512 bytes); ~128 chars keeps clients honest about column sizes.
      current = { token: randomAlnum(128), expiresAtMs: now + corp.options.tokenTtlSec * 1000 };
      corp.currentToken = current;
      this.store.indexToken(current, corp.corpId);
    }
    return { access_token: current.token, expires_in: Math.max(0, Math.round((current.expiresAtMs - now) / 1000)) };
  }

  /** The corp behind an access_token: 41001 missing, 40014 unknown, 42001 expired. */
  resolve(token: string | undefined): CorpState {
    if (!token) fail(41001);
    const found = this.store.lookupToken(token);
    if (!found) fail(40014);
    if (found.issued.expiresAtMs <= this.clock.now()) fail(42001);
    return found.corp;
  }
}
