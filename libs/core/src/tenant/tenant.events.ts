export const TENANT_CREATED = 'tenant.created';
export interface TenantCreated {
  tenantId: string;
}

/** A tenant's status or WeCom settings changed: in-process caches of its credentials must forget them. */
export const TENANT_CHANGED = 'tenant.changed';
export interface TenantChanged {
  tenantId: string;
}
