export interface DeliveryAttempt {
  at: number;
  timestamp: string;
  nonce: string;
  /** HTTP status, or undefined when there was no answer. */
  status?: number;
  error?: string;
  latencyMs: number;
  ok: boolean;
  /** true when sent through /redeliver rather than the retry loop. */
  redelivery: boolean;
}

export type DeliveryOutcome = 'pending' | 'delivered' | 'failed' | 'no_callback';

export interface Delivery {
  id: string;
  corpId: string;
  /** The plaintext event XML (what is inside Encrypt). */
  xml: string;
  createdAt: number;
  attempts: DeliveryAttempt[];
  outcome: DeliveryOutcome;
}
