import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { PrincipalResolver, TenantPrincipal, TenantRepository, TenantRole } from '@scrm/platform';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull, Repository } from 'typeorm';
import { TENANT_CHANGED, TenantChanged } from '../tenant/tenant.events';
import { AccessToken, AccessTokenKind } from './access-token.entity';
import { PrincipalCache } from './principal-cache';

export interface IssueTokenInput {
  kind: AccessTokenKind;
  role: TenantRole;
  userId?: string | null;
  staffUserId?: string | null;
  name?: string;
  ttlSeconds?: number | null;
}

// The tenant id travels inside the token so the lookup can lead with tenant_id like every other query.
const TOKEN_PATTERN = /^scrm_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

@Injectable()
export class AccessTokenService implements PrincipalResolver {
  private readonly tokens: TenantRepository<AccessToken>;
  private readonly recent = new PrincipalCache();

  constructor(
    @InjectRepository(AccessToken) repo: Repository<AccessToken>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.tokens = new TenantRepository(repo, 'Token');
  }

  async issue(tenantId: string, input: IssueTokenInput): Promise<{ token: string; record: AccessToken }> {
    const token = `scrm_${tenantId.replace(/-/g, '')}_${randomBytes(32).toString('base64url')}`;
    const record = this.tokens.create(tenantId, {
      kind: input.kind,
      role: input.role,
      userId: input.userId ?? null,
      staffUserId: input.staffUserId ?? null,
      name: input.name ?? '',
      tokenHash: hashToken(token),
      displayPrefix: token.slice(0, 18),
      expiresAt: input.ttlSeconds ? new Date(Date.now() + input.ttlSeconds * 1000) : null,
    });
    return { token, record: await this.tokens.save(record) };
  }

  async resolve(token: string): Promise<TenantPrincipal | null> {
    const match = TOKEN_PATTERN.exec(token);
    if (!match) return null;
    const tenantId = toUuid(match[1]);
    const hash = hashToken(token);
    const known = this.recent.get(hash);
    if (known) return known;
    const rows: ResolvedRow[] = await this.dataSource.query(
      `SELECT t.id, t.kind, t.role, t.user_id, t.staff_user_id, t.last_used_at, t.expires_at
         FROM access_tokens t
         JOIN tenants tn ON tn.id = t.tenant_id AND tn.status = 'active'
         LEFT JOIN users u ON u.tenant_id = t.tenant_id AND u.id = t.user_id
        WHERE t.tenant_id = $1 AND t.token_hash = $2 AND t.revoked_at IS NULL
          AND (t.expires_at IS NULL OR t.expires_at > now())
          AND (t.user_id IS NULL OR u.disabled_at IS NULL)`,
      [tenantId, hash],
    );
    const row = rows[0];
    if (!row) return null;
    await this.touch(tenantId, row);
    const principal: TenantPrincipal = {
      kind: row.kind === 'api_key' ? 'api_key' : 'user',
      tenantId,
      tokenId: row.id,
      role: row.role,
      userId: row.user_id,
      staffUserId: row.staff_user_id,
    };
    this.recent.set(hash, principal, row.expires_at);
    return principal;
  }

  @OnEvent(TENANT_CHANGED)
  forgetTenant(event: TenantChanged): void {
    this.recent.forgetTenant(event.tenantId);
  }

  list(tenantId: string, kind: AccessTokenKind): Promise<AccessToken[]> {
    return this.tokens.find(tenantId, { where: { kind, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  async revoke(tenantId: string, id: string, kind?: AccessTokenKind): Promise<void> {
    const token = await this.tokens.get(tenantId, kind ? { id, kind } : { id });
    if (!token.revokedAt) await this.tokens.update(tenantId, { id }, { revokedAt: new Date() });
    this.recent.clear();
  }

  async revokeAllOfUser(tenantId: string, userId: string): Promise<void> {
    await this.tokens.update(tenantId, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.recent.clear();
  }

  async purgeExpired(): Promise<number> {
    const result = await this.dataSource.query(
      `DELETE FROM access_tokens WHERE (expires_at < now() - interval '7 days') OR (revoked_at < now() - interval '30 days')`,
    );
    return Array.isArray(result) ? Number(result[1] ?? 0) : 0;
  }

  // Recording use on every request would turn reads into writes; once a minute is enough to audit keys.
  private async touch(tenantId: string, row: ResolvedRow): Promise<void> {
    if (row.last_used_at && Date.now() - new Date(row.last_used_at).getTime() < 60_000) return;
    await this.tokens.update(tenantId, { id: row.id }, { lastUsedAt: new Date() });
  }
}

interface ResolvedRow {
  id: string;
  kind: AccessTokenKind;
  role: TenantRole;
  user_id: string | null;
  staff_user_id: string | null;
  last_used_at: Date | null;
  expires_at: Date | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
