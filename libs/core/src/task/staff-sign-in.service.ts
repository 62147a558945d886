import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, fieldError } from '@scrm/platform';
import { DataSource } from 'typeorm';
import { AccessTokenService } from '../access/access-token.service';
import { Tenant } from '../tenant/tenant.entity';
import { TenantWeCom } from '../wecom/tenant-wecom.service';

export interface StaffSession {
  accessToken: string;
  expiresAt: Date;
  userId: string;
}

/**
 * Staff sign in as they would from inside WeCom: the reminder card's link goes through WeCom's OAuth (snsapi_base),
 * which comes back with ?code=; auth/getuserinfo turns the code into the member's userid and we issue a staff token.
 * An admin may issue one directly (integrations, a kiosk, tests).
 */
@Injectable()
export class StaffSignInService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly wecom: TenantWeCom,
    private readonly tokens: AccessTokenService,
    private readonly config: AppConfig,
  ) {}

  /** The link to open inside WeCom; WeCom sends the member back to `redirectUri` with ?code=&state=. */
  async authorizeUrl(tenantSlug: string, redirectUri: string, state?: string): Promise<string> {
    const tenant = await this.tenant(tenantSlug);
    const client = await this.wecom.client(tenant.id);
    return client.oauth.buildAuthorizeUrl({ redirectUri, state });
  }

  async exchange(tenantSlug: string, code: string): Promise<StaffSession> {
    const tenant = await this.tenant(tenantSlug);
    const client = await this.wecom.client(tenant.id);
    const info = await client.oauth.getUserInfo(code).catch(() => null);
    // A non-member gets an openid, and a used or expired code an error: neither is one of the corp's staff.
    if (!info?.userid) throw new UnauthorizedException('The code does not belong to a member of this corp');
    return this.issue(tenant.id, info.userid);
  }

  async issue(tenantId: string, userId: string): Promise<StaffSession> {
    const known = await this.db.query(`SELECT 1 FROM staff_members WHERE tenant_id = $1 AND user_id = $2`, [tenantId, userId]);
    if (known.length === 0) throw fieldError('userId', `unknown member: ${userId}`);
    const ttl = this.config.env.SESSION_TTL_SECONDS;
    const { token, record } = await this.tokens.issue(tenantId, { kind: 'session', role: 'staff', staffUserId: userId, name: `staff ${userId}`, ttlSeconds: ttl });
    return { accessToken: token, expiresAt: record.expiresAt!, userId };
  }

  private async tenant(slug: string): Promise<Tenant> {
    const tenant = await this.db.getRepository(Tenant).findOne({ where: { slug, status: 'active' } });
    if (!tenant) throw fieldError('tenant', 'unknown tenant');
    return tenant;
  }
}
