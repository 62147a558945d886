import { AppConfig, JobName, JobQueue } from '@scrm/platform';
import { Clock, SopScheduler, TaskDelivery } from '@scrm/core';
import { createChannel, scan } from '../channels/support/channel-helpers';
import { scenario } from '../events/support';
import { processDelivery } from '../support/process-sim-event';
import { bearer } from '../support/factories';
import { deleteRedisKeys } from '../support/global-setup';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { TestSystem } from '../support/test-system';
import { until, waitFor } from '../support/wait';
import { localTag, SopDriver, startSopSystem } from './support/sop-helpers';

jest.setTimeout(90_000);

/** Asia/Shanghai (UTC+8). 2026-12-01 is a Tuesday. */
const TUE_10_00 = new Date('2026-12-01T02:00:00Z');
const after = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

describe('SOP engine against the simulator with a moved clock', () => {
  let sys: TestSystem;
  let tenant: SimTenant;
  let sop: SopDriver;
  let corpTag: string;
  let tagId: string;

  beforeAll(async () => {
    ({ sys, tenant, sop, corpTag, tagId } = await startSopSystem({
      groupChats: [
        { chatId: 'wrVipAnna', name: 'VIP A', owner: 'anna' },
        { chatId: 'wrVipBert', name: 'VIP B', owner: 'bert' },
        { chatId: 'wrPlain', name: 'Plain', owner: 'anna' },
      ],
    }));
    await waitFor(async () => (await sop.db().query(`SELECT count(*)::int AS n FROM group_chats WHERE tenant_id = $1`, [tenant.id]))[0].n === 3, 30_000, 'the first sync');
  });
  afterAll(() => sys.close());

  /** A channel of its own, so an SOP triggered by its adds ignores every other test's scans. */
  async function channelSop(name: string, steps: unknown[], tagIds: string[] = []) {
    const channel = await createChannel(sys, tenant, { name, strategy: 'random', members: [{ userId: 'anna' }], tagIds });
    const id = await sop.createSop({ name, target: 'customer', trigger: { type: 'customer_added', channelId: channel.id }, steps });
    return { channel, id };
  }
  const massSendsOf = async (sopId: string) => {
    const msgids = new Set((await sop.tasks(sopId)).map((t) => t.msgid));
    return (await sop.massSends()).filter((m) => msgids.has(m.msgid));
  };

  it('a weekly group SOP fires on Mondays at 09:00 local, one mass send per owner with the tagged chats', async () => {
    await sop.at(TUE_10_00);
    const vip = await localTag(sys, tenant, 'vip-groups');
    for (const chatId of ['wrVipAnna', 'wrVipBert']) {
      const res = await sys.http().put(`/api/v1/group-chats/${chatId}/tags`).set(sop.admin()).send({ tagIds: [vip] });
      expect(res.status).toBe(200);
    }
    const id = await sop.createSop({
      name: 'Monday digest',
      target: 'group',
      trigger: { type: 'weekly', weekdays: [1], time: '09:00' },
      groupFilter: { tagIds: [vip] },
      steps: [{ offset: { amount: 0, unit: 'minutes' }, delivery: 'mass_send', text: 'Weekly picks' }],
    });
    const view = await sys.http().get(`/api/v1/sops/${id}`).set(sop.admin());
    expect(view.body.nextFireAt).toBe('2026-12-07T01:00:00.000Z');
    // The preview (api clock: real time) lists the coming Mondays with the two tagged chats, and sends nothing.
    sys.api.get(Clock, { strict: false }).set(TUE_10_00);
    const preview = await sys.http().get(`/api/v1/sops/${id}/preview?days=14`).set(sop.admin());
    sys.api.get(Clock, { strict: false }).set(null);
    expect(preview.status).toBe(200);
    expect(preview.body.entries.map((e: { at: string; targets: number }) => [e.at, e.targets])).toEqual([
      ['2026-12-07T01:00:00.000Z', 2],
      ['2026-12-14T01:00:00.000Z', 2],
    ]);
    expect(preview.body.entries[0].sample.map((s: { name: string }) => s.name)).toEqual(['VIP A', 'VIP B']);
    expect(await massSendsOf(id)).toHaveLength(0);

    const MON_09_00 = new Date('2026-12-07T01:00:00Z');
    await sop.at(after(MON_09_00, -1));
    await sop.tick();
    expect(await sop.enrolments(id)).toHaveLength(0);

    await sop.at(MON_09_00);
    await sop.tick();
    const tasks = await sop.tasks(id);
    expect(tasks.map((t) => [t.user_id, t.status, t.target_count]).sort()).toEqual([['anna', 'sent', 1], ['bert', 'sent', 1]]);
    const sends = await massSendsOf(id);
    expect(sends.map((s) => [s.creator, s.chat_type, s.targets.map((t) => t.chat_id)]).sort()).toEqual([['anna', 'group', ['wrVipAnna']], ['bert', 'group', ['wrVipBert']]]);
    expect((await sys.http().get(`/api/v1/sops/${id}`).set(sop.admin())).body.nextFireAt).toBe('2026-12-14T01:00:00.000Z');

    // The same Monday again fires nothing more.
    await sop.at(after(MON_09_00, 5));
    await sop.tick();
    expect(await sop.tasks(id)).toHaveLength(2);
    await sop.move(id, 'archive');
  });

  it('pause holds due steps; resume sends them once', async () => {
    await sop.at(TUE_10_00);
    const { channel, id } = await channelSop('Pausable', [{ offset: { amount: 30, unit: 'minutes' }, delivery: 'mass_send', text: 'Welcome aboard' }]);
    await scan(sys, tenant, channel.configId);
    await until(() => sop.enrolments(id), (e) => e.length === 1, 10_000, 'the enrolment');
    sys.api.get(Clock, { strict: false }).set(TUE_10_00);
    const preview = await sys.http().get(`/api/v1/sops/${id}/preview?days=1`).set(sop.admin());
    sys.api.get(Clock, { strict: false }).set(null);
    expect(preview.body.entries).toEqual([expect.objectContaining({ at: expect.stringMatching(/^2026-12-01T02:30:00/), stepIndex: 0, targets: 1, delivery: 'mass_send' })]);
    await sop.move(id, 'pause');
    await sop.at(after(TUE_10_00, 31));
    await sop.tick();
    expect(await sop.tasks(id)).toHaveLength(0);

    await sop.move(id, 'resume');
    await sop.at(after(TUE_10_00, 32));
    await sop.tick();
    expect((await sop.tasks(id)).map((t) => t.status)).toEqual(['sent']);
    expect(await massSendsOf(id)).toHaveLength(1);
  });

  it('a customer whose tag is removed leaves and gets nothing more', async () => {
    await sop.at(TUE_10_00);
    const channel = await createChannel(sys, tenant, { name: 'Tagging', strategy: 'random', members: [{ userId: 'anna' }], tagIds: [corpTag] });
    const id = await sop.createSop({
      name: 'VIP nurture',
      target: 'customer',
      trigger: { type: 'tag_added', tagId },
      steps: [
        { offset: { amount: 1, unit: 'hours' }, delivery: 'mass_send', text: 'Step one' },
        { offset: { amount: 2, unit: 'hours' }, delivery: 'mass_send', text: 'Step two' },
      ],
    });
    const add = await scan(sys, tenant, channel.configId);
    await until(() => sop.enrolments(id), (e) => e.length === 1, 10_000, 'the enrolment');
    await sop.at(after(TUE_10_00, 61));
    await sop.tick();
    expect(await massSendsOf(id)).toHaveLength(1);

    await scenario(sys, tenant, 'member-edits-customer', { userId: 'anna', externalUserId: add.externalUserId, removeTags: [corpTag] });
    await sop.at(after(TUE_10_00, 121));
    await sop.tick();
    expect(await massSendsOf(id)).toHaveLength(1);
    expect((await sop.enrolments(id))[0]).toMatchObject({ status: 'exited', exit_reason: 'left_audience' });
    await sop.move(id, 'archive');
  });

  it('joining a group enrols the customer; the step goes to the member they are a contact of', async () => {
    await sop.at(TUE_10_00);
    const channel = await createChannel(sys, tenant, { name: 'Joiners', strategy: 'random', members: [{ userId: 'bert' }] });
    const id = await sop.createSop({
      name: 'Welcome to the group',
      target: 'customer',
      trigger: { type: 'group_joined', chatId: 'wrPlain' },
      steps: [{ offset: { amount: 5, unit: 'minutes' }, delivery: 'mass_send', text: 'Glad you joined' }],
    });
    const add = await scan(sys, tenant, channel.configId);
    const joined = await tenant.sim().post(`/sim/corps/${tenant.corpId}/scenarios/group-chats/wrPlain/join`).send({ members: [{ id: add.externalUserId, type: 2 }] });
    expect(joined.status).toBeLessThan(300);
    await processDelivery(sys, tenant, joined.body.deliveryId);
    await until(() => sop.enrolments(id), (e) => e.length === 1, 10_000, 'the enrolment');
    await sop.at(after(TUE_10_00, 6));
    await sop.tick();
    expect((await sop.tasks(id)).map((t) => [t.user_id, t.status])).toEqual([['bert', 'sent']]);
    await sop.move(id, 'archive');
  });

  it('a local tag a marketer sets enrols the customer into a tag_added SOP (api → worker); the step goes to their member', async () => {
    await sop.at(TUE_10_00);
    const channel = await createChannel(sys, tenant, { name: 'Hot leads', strategy: 'random', members: [{ userId: 'bert' }] });
    const hot = await localTag(sys, tenant, 'hot-lead');
    const id = await sop.createSop({
      name: 'Hot lead follow-up',
      target: 'customer',
      trigger: { type: 'tag_added', tagId: hot },
      steps: [{ offset: { amount: 5, unit: 'minutes' }, delivery: 'mass_send', text: 'A quick follow-up' }],
    });
    const add = await scan(sys, tenant, channel.configId);
    expect(await sop.enrolments(id)).toHaveLength(0);
    const tagged = await sys.http().post(`/api/v1/customers/${add.externalUserId}/tags`).set(sop.admin()).send({ add: [{ tagId: hot }] });
    expect(tagged.status).toBeLessThan(300);
    await until(() => sop.enrolments(id), (e) => e.length === 1, 10_000, 'the enrolment');
    // Setting the tag again (same weight) is no addition: nobody enrols twice.
    await sys.http().post(`/api/v1/customers/${add.externalUserId}/tags`).set(sop.admin()).send({ add: [{ tagId: hot }] });
    await sop.at(after(TUE_10_00, 6));
    await sop.tick();
    expect((await sop.tasks(id)).map((t) => [t.user_id, t.status])).toEqual([['bert', 'sent']]);
    expect(await sop.enrolments(id)).toHaveLength(1);
    await sop.move(id, 'archive');
  });

  it('a customer who deletes the member leaves; nothing is sent to them', async () => {
    await sop.at(TUE_10_00);
    const { channel, id } = await channelSop('Gone', [{ offset: { amount: 30, unit: 'minutes' }, delivery: 'mass_send', text: 'Still there?' }]);
    const add = await scan(sys, tenant, channel.configId);
    await until(() => sop.enrolments(id), (e) => e.length === 1, 10_000, 'the enrolment');
    await scenario(sys, tenant, 'customer-deletes-member', { userId: add.userId, externalUserId: add.externalUserId });
    await sop.at(after(TUE_10_00, 31));
    await sop.tick();
    expect((await sop.enrolments(id))[0]).toMatchObject({ status: 'exited', exit_reason: 'relationship_deleted' });
    expect(await sop.tasks(id)).toHaveLength(0);
    await sop.move(id, 'archive');
  });

  it('quiet hours hold a step until morning', async () => {
    const quiet = await sys.http().put('/api/v1/tenant/quiet-hours').set(sop.admin()).send({ start: '21:00', end: '08:00' });
    expect(quiet.status).toBe(200);
    expect(quiet.body.quietHours).toEqual({ start: '21:00', end: '08:00' });
    const TUE_22_00 = new Date('2026-12-01T14:00:00Z');
    const WED_08_00 = new Date('2026-12-02T00:00:00Z');
    await sop.at(TUE_22_00);
    const { channel, id } = await channelSop('Night', [{ offset: { amount: 0, unit: 'minutes' }, delivery: 'mass_send', text: 'Good morning' }]);
    await scan(sys, tenant, channel.configId);
    await until(() => sop.enrolments(id), (e) => e.length === 1, 10_000, 'the enrolment');
    await sop.at(after(TUE_22_00, 1));
    expect((await sop.tick()).quiet).toBeGreaterThan(0);
    await sop.at(after(WED_08_00, -1));
    await sop.tick();
    expect(await sop.tasks(id)).toHaveLength(0);
    await sop.at(WED_08_00);
    await sop.tick();
    expect((await sop.tasks(id)).map((t) => t.status)).toEqual(['sent']);
    await sys.http().put('/api/v1/tenant/quiet-hours').set(sop.admin()).send({});
    await sop.move(id, 'archive');
  });

  it('Redis flushed between scheduling and delivery: nothing lost, nothing sent twice; a retry after an uncertain call finds the first', async () => {
    await sop.at(TUE_10_00);
    const { channel, id } = await channelSop('Flush', [{ offset: { amount: 5, unit: 'minutes' }, delivery: 'mass_send', text: 'Survives a flush' }]);
    await scan(sys, tenant, channel.configId);
    await scan(sys, tenant, channel.configId);
    await until(() => sop.enrolments(id), (e) => e.length === 2, 10_000, 'the enrolments');

    const queue = sys.worker!.get(JobQueue, { strict: false }).queue(JobName.DeliverSopTask);
    await queue.pause(true);
    await sop.at(after(TUE_10_00, 6));
    await sys.worker!.get(SopScheduler, { strict: false }).tick();
    expect((await sop.tasks(id)).map((t) => t.status)).toEqual(['open']);
    const config = sys.api.get(AppConfig);
    await deleteRedisKeys(config.redis, `${config.env.REDIS_PREFIX}:*`);
    await queue.resume(true);

    await sop.at(after(TUE_10_00, 8));
    await sop.tick(); // the sweep finds the open task in Postgres
    const [task] = await sop.tasks(id);
    expect(task).toMatchObject({ status: 'sent', target_count: 2 });
    expect(await massSendsOf(id)).toHaveLength(1);

    // As if the worker died after WeCom answered but before we recorded it: the retry must not send again.
    const templateCalls = async () => (await tenant.sim().get(`/sim/corps/${tenant.corpId}/calls?api=externalcontact/add_msg_template`)).body.total as number;
    const callsBefore = await templateCalls();
    await sop.db().query(`UPDATE tasks SET status = 'calling', msgid = NULL WHERE tenant_id = $1 AND id = $2`, [tenant.id, task.id]);
    const delivery = sys.worker!.get(TaskDelivery, { strict: false });
    // While the first attempt may still be in flight, a second one leaves it alone.
    expect(await delivery.deliver(tenant.id, task.id)).toBe('skipped');
    await sop.at(after(TUE_10_00, 8 + 3));
    const outcome = await delivery.deliver(tenant.id, task.id);
    expect(outcome).toBe('recovered');
    expect((await sop.tasks(id))[0]).toMatchObject({ status: 'sent', msgid: task.msgid });
    expect(await templateCalls()).toBe(callsBefore);
    expect((await massSendsOf(id)).length).toBe(1);
  });

  it('tenant isolation: another tenant cannot read or change these SOPs or group tags', async () => {
    const [anySop] = (await sys.http().get('/api/v1/sops').set(sop.admin())).body;
    const other = await createSimTenant(sys);
    const them = bearer(other.adminToken);
    expect((await sys.http().get(`/api/v1/sops/${anySop.id}`).set(them)).status).toBe(404);
    expect((await sys.http().post(`/api/v1/sops/${anySop.id}/pause`).set(them)).status).toBe(404);
    expect((await sys.http().get('/api/v1/sops').set(them)).body).toEqual([]);
    expect((await sys.http().put('/api/v1/group-chats/wrVipAnna/tags').set(them).send({ tagIds: [] })).status).toBe(404);
  });
});
