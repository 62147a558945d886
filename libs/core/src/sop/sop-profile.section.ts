import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProfileSection, ProfileSections } from '../profile-view/profile-sections';
import { announceProfiles } from '../task/task-customers';

const LIMIT = 20;

/**
 * The SOP part of the customer 360° view: the customer's enrolments and their latest tasks. The engine calls
 * `changed` after each commit that touches them, which drops the cached views.
 */
@Injectable()
export class SopProfileSection implements ProfileSection<'sop'>, OnModuleInit {
  readonly key = 'sop' as const;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sections: ProfileSections,
    private readonly events: EventEmitter2,
  ) {}

  onModuleInit(): void {
    this.sections.register(this);
  }

  async load(tenantId: string, customerId: string): Promise<{ enrollments: unknown[]; tasks: unknown[] }> {
    const enrollments = await this.db.query(
      `SELECT e.sop_id AS "sopId", s.name AS "sopName", e.version, e.status, e.exit_reason AS "exitReason", e.next_step AS "nextStep",
              e.next_due_at AS "nextDueAt", e.created_at AS "enrolledAt"
         FROM sop_enrolments e JOIN sops s ON s.tenant_id = e.tenant_id AND s.id = e.sop_id
        WHERE e.tenant_id = $1 AND e.target_id = $2 ORDER BY e.created_at DESC LIMIT ${LIMIT}`,
      [tenantId, customerId],
    );
    const tasks = await this.db.query(
      `SELECT t.id AS "taskId", t.sop_id AS "sopId", t.step_index AS "stepIndex", t.delivery, t.user_id AS "userId", t.status AS "taskStatus",
              tt.status AS "targetStatus", t.window_at AS "windowAt", tt.sent_at AS "sentAt"
         FROM sop_enrolments e
         JOIN task_targets tt ON tt.tenant_id = e.tenant_id AND tt.enrolment_id = e.id
         JOIN tasks t ON t.tenant_id = tt.tenant_id AND t.id = tt.task_id
        WHERE e.tenant_id = $1 AND e.target_id = $2 ORDER BY t.window_at DESC LIMIT ${LIMIT}`,
      [tenantId, customerId],
    );
    return { enrollments, tasks };
  }

  changed(tenantId: string, customerIds: string[]): void {
    announceProfiles(this.events, tenantId, customerIds);
  }
}
