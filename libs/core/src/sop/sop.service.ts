import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { TenantRepository } from '@scrm/platform';
import { isDeepStrictEqual } from 'node:util';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { Clock } from '../clock/clock';
import { TenantTimeZones } from '../clock/tenant-time-zones';
import { Sop } from './entities/sop.entity';
import { SopVersion } from './entities/sop-version.entity';
import { SopInput } from './sop-input';
import { nextFiring } from './sop-schedule';
import { SopValidator } from './sop-validator';
import { SopDefinition, SopStatus } from './sop.types';

export interface SopWithDefinition {
  sop: Sop;
  definition: SopDefinition;
}

const MOVES: Record<'activate' | 'pause' | 'resume' | 'archive', { from: SopStatus[]; to: SopStatus }> = {
  activate: { from: ['draft'], to: 'active' },
  resume: { from: ['paused'], to: 'active' },
  pause: { from: ['active'], to: 'paused' },
  archive: { from: ['draft', 'active', 'paused'], to: 'archived' },
};

/**
 * Definitions, versions and the lifecycle draft → active ⇄ paused → archived. An edit that changes the definition
 * adds a version: new enrolments take it, running ones keep the version they started with.
 */
@Injectable()
export class SopService {
  readonly sops: TenantRepository<Sop>;

  constructor(
    @InjectRepository(Sop) repo: Repository<Sop>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly validator: SopValidator,
    private readonly zones: TenantTimeZones,
    private readonly clock: Clock,
  ) {
    this.sops = new TenantRepository(repo, 'SOP');
  }

  async create(tenantId: string, input: SopInput): Promise<SopWithDefinition> {
    const definition = await this.validator.definitionOf(tenantId, input);
    const id = await this.db.transaction(async (m) => {
      const sop = await m.save(m.create(Sop, { tenantId, name: input.name, status: 'draft', target: definition.target, triggerType: definition.trigger.type, currentVersion: 1 }));
      await m.insert(SopVersion, { tenantId, sopId: sop.id, version: 1, definition: definition as never });
      return sop.id;
    });
    return this.get(tenantId, id);
  }

  async update(tenantId: string, id: string, input: Partial<SopInput>): Promise<SopWithDefinition> {
    const current = await this.get(tenantId, id);
    if (current.sop.status === 'archived') throw new ConflictException('An archived SOP cannot be edited');
    const merged: SopInput = { name: current.sop.name, ...current.definition, ...stripUndefined(input) } as SopInput;
    if (input.target && input.target !== current.definition.target) throw new ConflictException('target cannot change; create another SOP');
    const definition = await this.validator.definitionOf(tenantId, merged);
    await this.db.transaction(async (m) => {
      const sop = await this.lock(m, tenantId, id);
      sop.name = merged.name;
      if (!isDeepStrictEqual(definition, current.definition)) {
        sop.currentVersion += 1;
        sop.triggerType = definition.trigger.type;
        await m.insert(SopVersion, { tenantId, sopId: id, version: sop.currentVersion, definition: definition as never });
        if (sop.status === 'active') sop.nextFireAt = await this.firstFiring(tenantId, definition);
      }
      await m.save(sop);
    });
    return this.get(tenantId, id);
  }

  async move(tenantId: string, id: string, action: keyof typeof MOVES): Promise<SopWithDefinition> {
    const { from, to } = MOVES[action];
    await this.db.transaction(async (m) => {
      const sop = await this.lock(m, tenantId, id);
      if (!from.includes(sop.status)) throw new ConflictException(`Cannot ${action} an SOP that is ${sop.status}`);
      const def = await this.definition(tenantId, id, sop.currentVersion, m);
      sop.status = to;
      // Firings missed while paused are not made up: the next one is after now.
      sop.nextFireAt = to === 'active' ? await this.firstFiring(tenantId, def) : null;
      await m.save(sop);
      if (to === 'archived') {
        await m.query(
          `UPDATE sop_enrolments SET status = 'exited', exit_reason = 'archived', next_due_at = NULL, updated_at = now()
            WHERE tenant_id = $1 AND sop_id = $2 AND status = 'active'`,
          [tenantId, id],
        );
      }
    });
    return this.get(tenantId, id);
  }

  async get(tenantId: string, id: string): Promise<SopWithDefinition> {
    const sop = await this.sops.get(tenantId, { id });
    return { sop, definition: await this.definition(tenantId, id, sop.currentVersion) };
  }

  async list(tenantId: string, filter: { status?: SopStatus } = {}): Promise<SopWithDefinition[]> {
    const sops = await this.sops.find(tenantId, { where: { ...filter }, order: { createdAt: 'ASC' } });
    if (sops.length === 0) return [];
    const versions = await this.db.getRepository(SopVersion).find({ where: { tenantId, sopId: In(sops.map((s) => s.id)) } });
    const byKey = new Map(versions.map((v) => [`${v.sopId}|${v.version}`, v.definition]));
    return sops.map((sop) => ({ sop, definition: byKey.get(`${sop.id}|${sop.currentVersion}`)! }));
  }

  async definition(tenantId: string, sopId: string, version: number, m: EntityManager = this.db.manager): Promise<SopDefinition> {
    const row = await m.findOneOrFail(SopVersion, { where: { tenantId, sopId, version } });
    return row.definition;
  }

  private async firstFiring(tenantId: string, def: SopDefinition): Promise<Date | null> {
    return nextFiring(def.trigger, this.clock.now(), await this.zones.zoneOf(tenantId));
  }

  private async lock(m: EntityManager, tenantId: string, id: string): Promise<Sop> {
    const sop = await m.findOne(Sop, { where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
    if (!sop) throw new NotFoundException('SOP not found');
    return sop;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
