import { Injectable, NotFoundException, OnApplicationShutdown } from '@nestjs/common';
import { CorpState } from '../state/corp-state';
import { Delivery, DeliveryAttempt } from '../state/entities/delivery';
import { newNonce } from '../state/ids';
import { SimClock } from '../state/sim-clock';
import { sealCallback, withQuery } from './envelope';
import { postCallback } from './post-callback';

export interface StartedDelivery {
  delivery: Delivery;
  /** Settles with the first attempt (undefined when the corp has no callback URL). */
  firstAttempt: Promise<DeliveryAttempt | undefined>;
}

/**
 * Sends events like WeCom: POST, any HTTP 200 is received; anything else or no answer within the
 * timeout (5 s by default) is retried after a delay. callbackMaxDeliveries is 4 in all (first + 3 retries):
 * the page leaves 3-or-4 UNCONFIRMED and 4 is the harder case for receivers. Every attempt gets a new
 * timestamp and nonce (also UNCONFIRMED; the receiver must dedupe on the event, not on the envelope).
 */
@Injectable()
export class Deliverer implements OnApplicationShutdown {
  private closed = false;
  private readonly inFlight = new Set<AbortController>();
  private readonly sleepers = new Set<() => void>();

  constructor(private readonly clock: SimClock) {}

  deliver(corp: CorpState, xml: string): StartedDelivery {
    const delivery: Delivery = {
      id: String(corp.deliveries.length + 1),
      corpId: corp.corpId,
      xml,
      createdAt: this.clock.now(),
      attempts: [],
      outcome: corp.callback ? 'pending' : 'no_callback',
    };
    corp.deliveries.push(delivery);
    if (!corp.callback) return { delivery, firstAttempt: Promise.resolve(undefined) };
    let resolveFirst!: (a: DeliveryAttempt | undefined) => void;
    const firstAttempt = new Promise<DeliveryAttempt | undefined>((r) => (resolveFirst = r));
    void this.run(corp, delivery, resolveFirst);
    return { delivery, firstAttempt };
  }

  /** Starts a delivery; with wait, returns once the first attempt has an outcome. */
  async emit(corp: CorpState, xml: string, wait: boolean): Promise<{ deliveryId: string; firstAttempt?: DeliveryAttempt }> {
    const { delivery, firstAttempt } = this.deliver(corp, xml);
    return wait ? { deliveryId: delivery.id, firstAttempt: await firstAttempt } : { deliveryId: delivery.id };
  }

  /** Sends the same event again, `times` more times (as WeCom's retries would), for dedupe tests. */
  async redeliver(corp: CorpState, id: string, times: number): Promise<DeliveryAttempt[]> {
    const delivery = corp.deliveries.find((d) => d.id === id);
    if (!delivery) throw new NotFoundException(`no delivery ${id}`);
    const attempts: DeliveryAttempt[] = [];
    for (let i = 0; i < times && !this.closed; i++) attempts.push(await this.attempt(corp, delivery, true));
    if (attempts.some((a) => a.ok)) delivery.outcome = 'delivered';
    return attempts;
  }

  onApplicationShutdown(): void {
    this.closed = true;
    for (const c of this.inFlight) c.abort();
    for (const wake of this.sleepers) wake();
  }

  private async run(corp: CorpState, delivery: Delivery, resolveFirst: (a: DeliveryAttempt | undefined) => void): Promise<void> {
    for (let n = 0; n < corp.options.callbackMaxDeliveries; n++) {
      if (n > 0) await this.sleep(corp.options.callbackRetryDelayMs);
      if (this.closed) break;
      const attempt = await this.attempt(corp, delivery, false);
      if (n === 0) resolveFirst(attempt);
      if (attempt.ok) {
        delivery.outcome = 'delivered';
        return;
      }
    }
    resolveFirst(undefined);
    if (delivery.outcome === 'pending') delivery.outcome = 'failed';
  }

  private async attempt(corp: CorpState, delivery: Delivery, redelivery: boolean): Promise<DeliveryAttempt> {
    const timestamp = String(this.clock.nowSec());
    const nonce = newNonce();
    const attempt: DeliveryAttempt = { at: this.clock.now(), timestamp, nonce, latencyMs: 0, ok: false, redelivery };
    const cb = corp.callback;
    if (!cb) {
      attempt.error = 'no callback configured';
      delivery.attempts.push(attempt);
      return attempt;
    }
    const sealed = sealCallback(cb, corp.corpId, corp.agentId, delivery.xml, timestamp, nonce);
    const abort = new AbortController();
    this.inFlight.add(abort);
    const timer = setTimeout(() => abort.abort(), corp.options.callbackTimeoutMs);
    const started = Date.now();
    try {
      attempt.status = await postCallback(withQuery(cb.url, sealed.query), sealed.body, abort.signal);
      attempt.ok = attempt.status === 200;
    } catch (e) {
      attempt.error = abort.signal.aborted ? `no answer within ${corp.options.callbackTimeoutMs} ms` : (e as Error).message;
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(abort);
      attempt.latencyMs = Date.now() - started;
    }
    delivery.attempts.push(attempt);
    return attempt;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
