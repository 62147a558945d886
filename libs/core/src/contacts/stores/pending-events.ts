import { EventEmitter2 } from '@nestjs/event-emitter';
import { DomainEvent } from '../../events/domain-events';

/** Domain events collected inside a transaction and emitted only once it has committed (STYLE §9). */
export class PendingEvents {
  private readonly items: Array<[DomainEvent, object]> = [];

  add(name: DomainEvent, payload: object): void {
    this.items.push([name, payload]);
  }

  /** emitAsync so a listener's failure (registered with suppressErrors: false) fails the job and it retries. */
  async emit(emitter: EventEmitter2): Promise<void> {
    for (const [name, payload] of this.items) await emitter.emitAsync(name, payload);
  }
}
