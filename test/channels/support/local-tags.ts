import { bearer } from '../../support/factories';
import { SimTenant } from '../../support/sim-tenant';
import { TestSystem } from '../../support/test-system';

/** Our local tags of one relationship, as tag id → source, read through the customers API. */
export async function localTags(sys: TestSystem, tenant: SimTenant, userId: string, externalUserId: string): Promise<Record<string, string>> {
  const res = await sys.http().get(`/api/v1/customers/${externalUserId}`).set(bearer(tenant.adminToken));
  if (res.status !== 200) throw new Error(`customer read failed: ${res.status} ${JSON.stringify(res.body)}`);
  const rel = (res.body.relationships as { userId: string; tags: { tagId: string; source: string }[] }[]).find((r) => r.userId === userId);
  return Object.fromEntries((rel?.tags ?? []).map((t) => [t.tagId, t.source]));
}
