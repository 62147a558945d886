import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TenantRepository } from '@scrm/platform';
import { Repository } from 'typeorm';
import { Clock } from '../clock/clock';
import type { AudienceRule } from './audience-rule';
import { AudienceMatcherService } from './audience-matcher.service';
import type { AudienceCaller } from './audience-query.service';
import { SavedAudience } from './saved-audience.entity';

export interface SavedAudienceInput {
  name: string;
  rule: AudienceRule;
}

/** Saved audiences: CRUD, and their counts kept fresh (hourly for all, on demand for one). */
@Injectable()
export class SavedAudiencesService {
  private readonly logger = new Logger(SavedAudiencesService.name);
  private readonly repo: TenantRepository<SavedAudience>;

  constructor(
    @InjectRepository(SavedAudience) raw: Repository<SavedAudience>,
    private readonly matcher: AudienceMatcherService,
    private readonly clock: Clock,
  ) {
    this.repo = new TenantRepository(raw, 'Audience');
  }

  /** Checked for the caller's role and counted before it is stored, so a saved audience always has a count. */
  async create(caller: AudienceCaller, input: SavedAudienceInput): Promise<SavedAudience> {
    await this.matcher.validate(caller.tenantId, input.rule, 'rule', { role: caller.role });
    const count = await this.matcher.count(caller.tenantId, input.rule);
    return this.repo.save(this.repo.create(caller.tenantId, { ...input, count, countedAt: this.clock.now() }));
  }

  list(tenantId: string): Promise<SavedAudience[]> {
    return this.repo.find(tenantId, { order: { createdAt: 'DESC' } });
  }

  get(tenantId: string, id: string): Promise<SavedAudience> {
    return this.repo.get(tenantId, { id });
  }

  async update(caller: AudienceCaller, id: string, input: Partial<SavedAudienceInput>): Promise<SavedAudience> {
    const audience = await this.get(caller.tenantId, id);
    if (input.rule !== undefined) {
      await this.matcher.validate(caller.tenantId, input.rule, 'rule', { role: caller.role });
      audience.rule = input.rule;
      audience.count = await this.matcher.count(caller.tenantId, input.rule);
      audience.countedAt = this.clock.now();
    }
    if (input.name !== undefined) audience.name = input.name;
    return this.repo.save(audience);
  }

  async remove(tenantId: string, id: string): Promise<void> {
    if ((await this.repo.delete(tenantId, { id })) === 0) await this.get(tenantId, id);
  }

  async refresh(tenantId: string, id: string): Promise<SavedAudience> {
    const audience = await this.get(tenantId, id);
    audience.count = await this.matcher.count(tenantId, audience.rule);
    audience.countedAt = this.clock.now();
    await this.repo.update(tenantId, { id }, { count: audience.count, countedAt: audience.countedAt });
    return audience;
  }

  /** The hourly job: every saved audience of every tenant; one that no longer compiles is logged and skipped. */
  async refreshAll(): Promise<{ refreshed: number; failed: number }> {
    // Across tenants on purpose: one job for the whole deployment; each refresh below is scoped to its tenant.
    const all = await this.repo.repo.find({ select: { tenantId: true, id: true } });
    let failed = 0;
    for (const a of all) {
      await this.refresh(a.tenantId, a.id).catch((err: Error) => {
        failed += 1;
        this.logger.warn({ tenantId: a.tenantId, audienceId: a.id, error: err.message }, 'could not refresh an audience count');
      });
    }
    return { refreshed: all.length - failed, failed };
  }
}
