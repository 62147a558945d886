export const TENANT_CREATED = 'tenant.created';
export interface TenantCreated {
  tenantId: string;
}
