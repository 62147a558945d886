import { ApiProperty } from '@nestjs/swagger';
import { Tenant, TenantStatus } from './tenant.entity';

/** What the API shows of a tenant: never a secret, only whether each one is set. */
export class TenantView {
  @ApiProperty() id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['active', 'disabled'] }) status: TenantStatus;
  @ApiProperty() corpId: string;
  @ApiProperty() agentId: number;
  @ApiProperty() apiBaseUrl: string;
  @ApiProperty() timezone: string;
  @ApiProperty({ nullable: true, example: { start: '21:00', end: '08:00' }, description: 'SOP steps due inside wait for the end' })
  quietHours: { start: string; end: string } | null;
  @ApiProperty({ description: 'Path WeCom must call back, relative to the public URL' }) callbackPath: string;
  @ApiProperty() secretsConfigured: boolean;
  @ApiProperty() createdAt: Date;

  static of(t: Tenant): TenantView {
    return Object.assign(new TenantView(), {
      id: t.id,
      slug: t.slug,
      name: t.name,
      status: t.status,
      corpId: t.corpId,
      agentId: t.agentId,
      apiBaseUrl: t.apiBaseUrl,
      timezone: t.timezone,
      quietHours: t.quietStart && t.quietEnd ? { start: t.quietStart, end: t.quietEnd } : null,
      callbackPath: `/wecom/callback/${t.id}`,
      secretsConfigured: Boolean(t.corpSecretEnc && t.callbackTokenEnc && t.encodingAesKeyEnc),
      createdAt: t.createdAt,
    });
  }
}
