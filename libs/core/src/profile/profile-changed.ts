import { EventEmitter2 } from '@nestjs/event-emitter';
import { DomainEvent, ProfileChangedPayload } from '../events/domain-events';

/** Tells the 360° view caches that these customers' attributes or events changed (after the write committed). */
export function announceProfileChanged(events: EventEmitter2, tenantId: string, customerIds: string[]): void {
  if (customerIds.length === 0) return;
  events.emit(DomainEvent.ProfileChanged, { tenantId, customerIds } satisfies ProfileChangedPayload);
}
