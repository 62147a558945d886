import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError } from '@scrm/platform';
import { DataSource } from 'typeorm';
import { AUDIENCE_MATCHER, AudienceMatcher } from '../audience/audience-matcher.port';
import { TenantTimeZones } from '../clock/tenant-time-zones';
import { Clock } from '../clock/clock';
import { WelcomeRulesService } from '../welcome/welcome-rules.service';
import { cronProblem, nextFiring } from './sop-schedule';
import { SOP_TEXT_MAX_BYTES, SopInput } from './sop-input';
import { isScheduled, SopDefinition } from './sop.types';

/** The checks only the service can make (other tables, the time zone, the audience port); each is a 400 naming the field. */
@Injectable()
export class SopValidator {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly welcomeRules: WelcomeRulesService,
    private readonly zones: TenantTimeZones,
    private readonly clock: Clock,
    @Optional() @Inject(AUDIENCE_MATCHER) private readonly audience?: AudienceMatcher,
  ) {}

  async definitionOf(tenantId: string, input: SopInput): Promise<SopDefinition> {
    const def: SopDefinition = {
      target: input.target,
      trigger: input.trigger,
      audience: input.target === 'customer' ? (input.audience ?? null) : null,
      groupFilter: input.target === 'group' ? (input.groupFilter ?? {}) : null,
      steps: input.steps,
    };
    await this.checkTrigger(tenantId, def);
    await this.checkTargets(tenantId, def, input);
    await this.checkSteps(tenantId, def);
    return def;
  }

  private async checkTrigger(tenantId: string, def: SopDefinition): Promise<void> {
    const t = def.trigger;
    if (def.target === 'group' && !isScheduled(t)) throw fieldError('trigger.type', 'group SOPs are scheduled (once, daily, weekly, monthly, cron)');
    if (t.type === 'customer_added' && t.channelId && !(await this.exists(tenantId, 'channels', 'id', t.channelId))) throw fieldError('trigger.channelId', 'unknown channel');
    if (t.type === 'tag_added' && !(await this.tagExists(tenantId, t.tagId))) throw fieldError('trigger.tagId', `unknown tag: ${t.tagId}`);
    if (t.type === 'group_joined' && t.chatId && !(await this.exists(tenantId, 'group_chats', 'chat_id', t.chatId))) throw fieldError('trigger.chatId', 'unknown group chat');
    const zone = await this.zones.zoneOf(tenantId);
    if (t.type === 'cron') {
      const problem = cronProblem(t.expression, zone, this.clock.now());
      if (problem) throw fieldError('trigger.expression', problem);
    }
    if (t.type === 'once' && !nextFiring(t, this.clock.now(), zone)) throw fieldError('trigger.at', 'must be in the future');
    if (t.type === 'monthly' && nextFiring(t, this.clock.now(), zone) === null) throw fieldError('trigger.days', 'never fires');
  }

  private async checkTargets(tenantId: string, def: SopDefinition, input: SopInput): Promise<void> {
    if (def.target === 'group') {
      if (input.audience) throw fieldError('audience', 'group SOPs select chats with groupFilter');
      for (const [i, tagId] of (def.groupFilter?.tagIds ?? []).entries()) {
        if (!(await this.tagExists(tenantId, tagId))) throw fieldError(`groupFilter.tagIds.${i}`, `unknown tag: ${tagId}`);
      }
      return;
    }
    if (input.groupFilter) throw fieldError('groupFilter', 'only for group SOPs');
    if (!def.audience) return;
    if (!this.audience) throw fieldError('audience', 'audiences are not available in this deployment');
    await this.audience.validate(tenantId, def.audience, 'audience');
  }

  private async checkSteps(tenantId: string, def: SopDefinition): Promise<void> {
    if (def.steps.length === 0) throw fieldError('steps', 'at least one step');
    let previous = -1;
    for (const [i, step] of def.steps.entries()) {
      const ms = step.offset.amount * { minutes: 1, hours: 60, days: 1440 }[step.offset.unit];
      if (ms < 0) throw fieldError(`steps.${i}.offset.amount`, 'must be ≥ 0');
      if (ms < previous) throw fieldError(`steps.${i}.offset`, 'steps are ordered: an offset cannot be earlier than the step before');
      previous = ms;
      if (!step.text && step.attachments.length === 0) throw fieldError(`steps.${i}.text`, 'text or attachments required');
      if (step.text && Buffer.byteLength(step.text) > SOP_TEXT_MAX_BYTES) throw fieldError(`steps.${i}.text`, `at most ${SOP_TEXT_MAX_BYTES} bytes (UTF-8)`);
      await this.welcomeRules.checkAttachments(tenantId, step.attachments, `steps.${i}.attachments`);
    }
  }

  private async tagExists(tenantId: string, tagId: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM tags WHERE tenant_id = $1 AND id = $2 AND NOT deleted`, [tenantId, tagId]);
    return rows.length > 0;
  }

  private async exists(tenantId: string, table: 'channels' | 'group_chats', column: string, value: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM ${table} WHERE tenant_id = $1 AND ${column}::text = $2`, [tenantId, value]);
    return rows.length > 0;
  }
}
