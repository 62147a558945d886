import { Injectable } from '@nestjs/common';
import { apiName } from './api-name';

export interface ErrcodeFault {
  id: number;
  corpId?: string;
  api: string;
  errcode: number;
  remaining: number;
}

export interface LatencyFault {
  id: number;
  corpId?: string;
  api?: string;
  ms: number;
}

/** Injected failures: the next N calls of an API answer an errcode; calls take extra time. */
@Injectable()
export class FaultService {
  private errcodes: ErrcodeFault[] = [];
  private latencies: LatencyFault[] = [];
  private nextId = 1;

  addErrcode(input: { corpId?: string; api: string; errcode: number; count: number }): ErrcodeFault {
    const fault = { id: this.nextId++, corpId: input.corpId, api: apiName(input.api), errcode: input.errcode, remaining: input.count };
    this.errcodes.push(fault);
    return fault;
  }

  addLatency(input: { corpId?: string; api?: string; ms: number }): LatencyFault {
    const fault = { id: this.nextId++, corpId: input.corpId, api: input.api ? apiName(input.api) : undefined, ms: input.ms };
    this.latencies.push(fault);
    return fault;
  }

  /** Consumes one injected errcode for this call, if any is armed. */
  take(corpId: string | undefined, api: string): number | undefined {
    const fault = this.errcodes.find((f) => f.remaining > 0 && f.api === api && (!f.corpId || f.corpId === corpId));
    if (!fault) return undefined;
    fault.remaining -= 1;
    this.errcodes = this.errcodes.filter((f) => f.remaining > 0);
    return fault.errcode;
  }

  latencyFor(corpId: string | undefined, api: string): number {
    return this.latencies
      .filter((f) => (!f.api || f.api === api) && (!f.corpId || f.corpId === corpId))
      .reduce((max, f) => Math.max(max, f.ms), 0);
  }

  list(): { errcodes: ErrcodeFault[]; latencies: LatencyFault[] } {
    return { errcodes: this.errcodes, latencies: this.latencies };
  }

  clear(): void {
    this.errcodes = [];
    this.latencies = [];
  }
}
