import { EventEmitter2 } from '@nestjs/event-emitter';
import { EntityManager } from 'typeorm';
import { DomainEvent, ProfileChangedPayload } from '../events/domain-events';

/** The customers (customers.id) a task reaches; chats have none. */
export async function taskCustomerIds(m: EntityManager, tenantId: string, taskId: string): Promise<string[]> {
  const rows = (await m.query(
    `SELECT e.target_id FROM task_targets tt JOIN sop_enrolments e ON e.tenant_id = tt.tenant_id AND e.id = tt.enrolment_id
      WHERE tt.tenant_id = $1 AND tt.task_id = $2 AND e.target_kind = 'customer'`,
    [tenantId, taskId],
  )) as { target_id: string }[];
  return rows.map((r) => r.target_id);
}

/** Their 360° views show the task's status: drop the cached ones. */
export function announceProfiles(events: EventEmitter2, tenantId: string, customerIds: string[]): void {
  if (customerIds.length === 0) return;
  events.emit(DomainEvent.ProfileChanged, { tenantId, customerIds: [...new Set(customerIds)] } satisfies ProfileChangedPayload);
}
