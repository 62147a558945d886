import { NotFoundException } from '@nestjs/common';
import { DeepPartial, EntityManager, FindManyOptions, FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';

type Scoped = ObjectLiteral & { tenantId: string };

/**
 * A repository that cannot be queried without a tenant id (STYLE §7): every read and write
 * adds `tenant_id = :tenantId`, and a missing tenant id is a programming error.
 */
export class TenantRepository<T extends Scoped> {
  constructor(
    readonly repo: Repository<T>,
    private readonly label: string,
  ) {}

  withManager(manager: EntityManager): TenantRepository<T> {
    return new TenantRepository(manager.getRepository<T>(this.repo.target), this.label);
  }

  async find(tenantId: string, options: FindManyOptions<T> & { where?: FindOptionsWhere<T> } = {}): Promise<T[]> {
    return this.repo.find({ ...options, where: this.scope(tenantId, options.where) });
  }

  async findAndCount(tenantId: string, options: FindManyOptions<T> & { where?: FindOptionsWhere<T> } = {}): Promise<[T[], number]> {
    return this.repo.findAndCount({ ...options, where: this.scope(tenantId, options.where) });
  }

  async findOne(tenantId: string, where: FindOptionsWhere<T>): Promise<T | null> {
    return this.repo.findOne({ where: this.scope(tenantId, where) });
  }

  /** 404 rather than 403 for another tenant's object: its existence is not revealed. */
  async get(tenantId: string, where: FindOptionsWhere<T>): Promise<T> {
    const found = await this.findOne(tenantId, where);
    if (!found) throw new NotFoundException(`${this.label} not found`);
    return found;
  }

  create(tenantId: string, data: DeepPartial<T>): T {
    return this.repo.create({ ...data, tenantId } as DeepPartial<T>);
  }

  async save(entity: T): Promise<T> {
    assertTenant(entity.tenantId);
    return this.repo.save(entity);
  }

  async update(tenantId: string, where: FindOptionsWhere<T>, patch: Partial<T>): Promise<number> {
    const result = await this.repo.update(this.scope(tenantId, where), patch as never);
    return result.affected ?? 0;
  }

  async delete(tenantId: string, where: FindOptionsWhere<T>): Promise<number> {
    const result = await this.repo.delete(this.scope(tenantId, where));
    return result.affected ?? 0;
  }

  async count(tenantId: string, where: FindOptionsWhere<T> = {}): Promise<number> {
    return this.repo.count({ where: this.scope(tenantId, where) });
  }

  private scope(tenantId: string, where: FindOptionsWhere<T> = {}): FindOptionsWhere<T> {
    assertTenant(tenantId);
    return { ...where, tenantId } as FindOptionsWhere<T>;
  }
}

function assertTenant(tenantId: string | undefined): void {
  if (!tenantId) throw new Error('Refusing a query without a tenant id');
}
