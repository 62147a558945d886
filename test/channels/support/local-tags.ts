import { TemporaryRelationshipTags } from '../../../apps/worker/src/temporary-wiring/temporary-relationship-tags';
import { SimTenant } from '../../support/sim-tenant';
import { TestSystem } from '../../support/test-system';

/**
 * Our local tags of one relationship, as tag id → source. The ONE place specs read local tags: when the
 * events branch lands this becomes a GET /api/v1/customers/:externalUserId call.
 */
export async function localTags(sys: TestSystem, tenant: SimTenant, userId: string, externalUserId: string): Promise<Record<string, string>> {
  return sys.worker!.get(TemporaryRelationshipTags, { strict: false }).tagsOf(tenant.id, userId, externalUserId);
}
