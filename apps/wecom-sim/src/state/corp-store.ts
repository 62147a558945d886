import { Injectable, NotFoundException } from '@nestjs/common';
import { CorpState, IssuedToken } from './corp-state';

interface IndexedToken extends IssuedToken {
  corpId: string;
}

/** All simulated corps, and the access_token → corp index. */
@Injectable()
export class CorpStore {
  private readonly corps = new Map<string, CorpState>();
  private readonly tokenIndex = new Map<string, IndexedToken>();

  find(corpId: string): CorpState | undefined {
    return this.corps.get(corpId);
  }

  /** For the /sim API: an unknown corp is a 404 there. */
  get(corpId: string): CorpState {
    const corp = this.corps.get(corpId);
    if (!corp) throw new NotFoundException(`no simulated corp ${corpId}`);
    return corp;
  }

  has(corpId: string): boolean {
    return this.corps.has(corpId);
  }

  add(corp: CorpState): void {
    this.corps.set(corp.corpId, corp);
  }

  delete(corpId: string): boolean {
    for (const [token, t] of this.tokenIndex) if (t.corpId === corpId) this.tokenIndex.delete(token);
    return this.corps.delete(corpId);
  }

  list(): CorpState[] {
    return [...this.corps.values()];
  }

  indexToken(issued: IssuedToken, corpId: string): void {
    this.tokenIndex.set(issued.token, { ...issued, corpId });
  }

  lookupToken(token: string): { corp: CorpState; issued: IssuedToken } | undefined {
    const t = this.tokenIndex.get(token);
    const corp = t && this.corps.get(t.corpId);
    return corp && t ? { corp, issued: t } : undefined;
  }

  /** Every token of the corp dies now (WeCom may invalidate tokens early). */
  expireTokens(corpId: string, nowMs: number): number {
    let n = 0;
    for (const t of this.tokenIndex.values()) {
      if (t.corpId === corpId && t.expiresAtMs > nowMs) {
        t.expiresAtMs = nowMs;
        n++;
      }
    }
    const corp = this.corps.get(corpId);
    if (corp) corp.currentToken = undefined;
    return n;
  }
}
