import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { SecretCipher } from '@scrm/platform';
import { DataSource, Repository } from 'typeorm';
import { UserService } from '../access/user.service';
import { Tenant, TenantStatus } from './tenant.entity';
import { TenantChanged, TenantCreated, TENANT_CHANGED, TENANT_CREATED } from './tenant.events';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { WeComCredentials } from './wecom-credentials';

export interface WeComSettingsInput {
  corpId: string;
  agentId: number;
  corpSecret: string;
  callbackToken: string;
  encodingAesKey: string;
  apiBaseUrl: string;
}

export interface CreateTenantInput extends WeComSettingsInput {
  slug: string;
  name: string;
  timezone?: string;
  admin: { email: string; password: string; displayName?: string };
}

@Injectable()
export class TenantService {
  constructor(
    @InjectRepository(Tenant) private readonly tenants: Repository<Tenant>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly users: UserService,
    private readonly events: EventEmitter2,
  ) {}

  /** The tenant and its first admin are created together or not at all. */
  async create(input: CreateTenantInput): Promise<Tenant> {
    await this.assertUnique(input.slug, input.corpId);
    const tenant = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(Tenant, {
          slug: input.slug,
          name: input.name,
          timezone: input.timezone ?? 'Asia/Shanghai',
          ...this.encryptSettings(input),
        }),
      );
      await this.users.create(saved.id, { ...input.admin, role: 'admin' }, manager);
      return saved;
    });
    this.events.emit(TENANT_CREATED, { tenantId: tenant.id } satisfies TenantCreated);
    return tenant;
  }

  list(): Promise<Tenant[]> {
    return this.tenants.find({ order: { createdAt: 'ASC' } });
  }

  async get(id: string): Promise<Tenant> {
    const tenant = await this.tenants.findOne({ where: { id } });
    if (!tenant) throw new NotFoundException('Tenant not found');
    return tenant;
  }

  async setStatus(id: string, status: TenantStatus): Promise<Tenant> {
    const tenant = await this.get(id);
    tenant.status = status;
    return this.saveChanged(tenant);
  }

  async updateWeCom(id: string, input: Partial<WeComSettingsInput>): Promise<Tenant> {
    const tenant = await this.get(id);
    if (input.corpId && input.corpId !== tenant.corpId) await this.assertUnique(undefined, input.corpId);
    const current = this.credentialsOf(tenant);
    Object.assign(tenant, this.encryptSettings({ ...current, ...stripUndefined(input) }));
    return this.saveChanged(tenant);
  }

  /** null clears them. */
  async setQuietHours(id: string, hours: { start: string; end: string } | null): Promise<Tenant> {
    const tenant = await this.get(id);
    tenant.quietStart = hours?.start ?? null;
    tenant.quietEnd = hours?.end ?? null;
    return this.saveChanged(tenant);
  }

  private async saveChanged(tenant: Tenant): Promise<Tenant> {
    const saved = await this.tenants.save(tenant);
    this.events.emit(TENANT_CHANGED, { tenantId: tenant.id } satisfies TenantChanged);
    return saved;
  }

  /** The tenant if it exists and is active (hot paths read it through ActiveTenantCache). */
  findActive(id: string): Promise<Tenant | null> {
    return this.tenants.findOne({ where: { id, status: 'active' } });
  }

  credentialsOf(tenant: Tenant): WeComCredentials {
    return {
      tenantId: tenant.id,
      corpId: tenant.corpId,
      agentId: tenant.agentId,
      corpSecret: this.cipher.decrypt(tenant.corpSecretEnc),
      callbackToken: this.cipher.decrypt(tenant.callbackTokenEnc),
      encodingAesKey: this.cipher.decrypt(tenant.encodingAesKeyEnc),
      apiBaseUrl: tenant.apiBaseUrl,
    };
  }

  private encryptSettings(input: WeComSettingsInput): Partial<Tenant> {
    return {
      corpId: input.corpId,
      agentId: input.agentId,
      apiBaseUrl: input.apiBaseUrl,
      corpSecretEnc: this.cipher.encrypt(input.corpSecret),
      callbackTokenEnc: this.cipher.encrypt(input.callbackToken),
      encodingAesKeyEnc: this.cipher.encrypt(input.encodingAesKey),
    };
  }

  private async assertUnique(slug: string | undefined, corpId: string): Promise<void> {
    if (slug && (await this.tenants.exists({ where: { slug } }))) throw new ConflictException(`slug '${slug}' is taken`);
    if (await this.tenants.exists({ where: { corpId } })) throw new ConflictException(`corpId '${corpId}' already has a tenant`);
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
