import { BadRequestException, Injectable } from '@nestjs/common';
import { encrypt, getSignature } from '@wecom/crypto';
import axios from 'axios';
import { randomInt } from 'node:crypto';
import { CorpState } from '../state/corp-state';
import { newNonce } from '../state/ids';
import { SimClock } from '../state/sim-clock';
import { withQuery } from './envelope';

/** WeCom gives the receiver 1 second to echo the plaintext. */
const VERIFY_DEADLINE_MS = 1000;

export interface VerifyReport {
  ok: boolean;
  url: string;
  expected: string;
  status?: number;
  body?: string;
  exact: boolean;
  latencyMs: number;
  withinDeadline: boolean;
  error?: string;
}

/** WeCom's "save callback settings" check: GET with an encrypted echostr, expect the bare plaintext back. */
@Injectable()
export class UrlVerifier {
  constructor(private readonly clock: SimClock) {}

  async verify(corp: CorpState): Promise<VerifyReport> {
    const cb = corp.callback;
    if (!cb) throw new BadRequestException(`corp ${corp.corpId} has no callback configured`);
    const expected = String(randomInt(1e9, 1e10 - 1)) + String(randomInt(1e9, 1e10 - 1));
    const echostr = encrypt(cb.encodingAESKey, expected, corp.corpId);
    const timestamp = String(this.clock.nowSec());
    const nonce = newNonce();
    const url = withQuery(cb.url, { msg_signature: getSignature(cb.token, timestamp, nonce, echostr), timestamp, nonce, echostr });
    const started = Date.now();
    try {
      const res = await axios.get<ArrayBuffer>(url, {
        responseType: 'arraybuffer',
        validateStatus: () => true,
        signal: AbortSignal.timeout(VERIFY_DEADLINE_MS),
        maxRedirects: 0,
        proxy: false,
      });
      const latencyMs = Date.now() - started;
      const raw = Buffer.from(res.data);
      // Byte comparison: quotes, a trailing newline or a BOM all fail, as on WeCom.
      const exact = raw.equals(Buffer.from(expected));
      const withinDeadline = latencyMs <= VERIFY_DEADLINE_MS;
      return { ok: res.status === 200 && exact && withinDeadline, url, expected, status: res.status, body: raw.toString('utf8'), exact, latencyMs, withinDeadline };
    } catch (e) {
      const latencyMs = Date.now() - started;
      return { ok: false, url, expected, exact: false, latencyMs, withinDeadline: latencyMs <= VERIFY_DEADLINE_MS, error: (e as Error).message };
    }
  }
}
