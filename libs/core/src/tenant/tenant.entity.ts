import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type TenantStatus = 'active' | 'disabled';

/** One company = one WeCom corp. The only table not keyed by tenant_id: it is the tenant. */
@Entity('tenants')
export class Tenant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_tenants_slug', { unique: true })
  @Column({ length: 64 })
  slug: string;

  @Column({ length: 128 })
  name: string;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: TenantStatus;

  @Index('uq_tenants_corp_id', { unique: true })
  @Column({ length: 64 })
  corpId: string;

  @Column({ type: 'int' })
  agentId: number;

  /** Encrypted at rest (SecretCipher); never returned by the API. */
  @Column({ type: 'text' })
  corpSecretEnc: string;

  @Column({ type: 'text' })
  callbackTokenEnc: string;

  @Column({ type: 'text' })
  encodingAesKeyEnc: string;

  /** https://qyapi.weixin.qq.com/cgi-bin/ for a real corp; the simulator's /cgi-bin/ in tests and demos. */
  @Column({ length: 256 })
  apiBaseUrl: string;

  @Column({ length: 64, default: 'Asia/Shanghai' })
  timezone: string;

  /** Quiet hours (HH:mm, tenant local; end before start runs past midnight): SOP steps due inside wait for the end. Null = none. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  quietStart: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  quietEnd: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
