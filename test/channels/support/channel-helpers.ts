import { JobName, JobQueue } from '@scrm/platform';
import { bearer } from '../../support/factories';
import { processDelivery } from '../../support/process-sim-event';
import { SimTenant } from '../../support/sim-tenant';
import { waitFor } from '../../support/spawn-process';
import { TestSystem } from '../../support/test-system';

export async function createChannel(sys: TestSystem, tenant: SimTenant, body: Record<string, unknown>) {
  const res = await sys.http().post('/api/v1/channels').set(bearer(tenant.adminToken)).send(body);
  if (res.status !== 201) throw new Error(`channel create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; configId: string; state: string; qrCode: string; listedUserIds: string[] };
}

/** The contact way as the simulator holds it. */
export async function simWay(tenant: SimTenant, configId: string): Promise<{ user: string[]; state: string; skip_verify: boolean }> {
  const res = await tenant.sim().get(`/sim/corps/${tenant.corpId}/contact-ways`);
  return res.body.find((w: { config_id: string }) => w.config_id === configId);
}

/** A customer scans the channel's QR code; resolves once the add and its channel jobs are done. */
export async function scan(sys: TestSystem, tenant: SimTenant, configId: string, extra: Record<string, unknown> = {}) {
  const res = await tenant.sim().post(`/sim/corps/${tenant.corpId}/scenarios/scan`).send({ configId, ...extra });
  if (res.status !== 201 && res.status !== 200) throw new Error(`scan failed: ${res.status} ${JSON.stringify(res.body)}`);
  await processDelivery(sys, tenant, res.body.deliveryId);
  await channelJobsIdle(sys, tenant);
  return res.body as { externalUserId: string; userId: string; welcomeCode: string; state: string; deliveryId: string };
}

/**
 * Waits until no channel job (roster sync, tagging) of this tenant is waiting, delayed or running. Other tenants'
 * jobs do not count: in a full run, jobs of earlier spec files (whose simulator is gone) may still be retrying.
 */
export async function channelJobsIdle(sys: TestSystem, tenant: SimTenant): Promise<void> {
  const queue = sys.worker!.get(JobQueue, { strict: false }).queue(JobName.SyncChannelRoster);
  await waitFor(async () => {
    const jobs = await queue.getJobs(['waiting', 'active', 'delayed']);
    return !jobs.some((j) => j?.data?.tenantId === tenant.id);
  }, 20_000, 'channel jobs to finish');
}
