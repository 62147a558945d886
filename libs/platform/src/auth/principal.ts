export const TENANT_ROLES = ['admin', 'marketer', 'viewer', 'staff'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** Who is calling. Every tenant principal carries its tenant id; services take it first. */
export type Principal =
  | { kind: 'operator' }
  | {
      kind: 'user' | 'api_key';
      tenantId: string;
      tokenId: string;
      role: TenantRole;
      userId: string | null;
      /** The WeCom userid, for staff principals. */
      staffUserId: string | null;
    };

export type TenantPrincipal = Extract<Principal, { tenantId: string }>;

/** Implemented by the access module: turns a bearer token into a principal, or null if unknown/revoked/expired. */
export interface PrincipalResolver {
  resolve(token: string): Promise<TenantPrincipal | null>;
}
export const PRINCIPAL_RESOLVER = Symbol('PRINCIPAL_RESOLVER');
