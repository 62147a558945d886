import { createChannel, scan } from '../channels/support/channel-helpers';
import { SimTenant } from '../support/sim-tenant';
import { TestSystem } from '../support/test-system';
import { until } from '../support/wait';
import { SopDriver, startSopSystem } from './support/sop-helpers';

/** Asia/Shanghai (UTC+8). 2026-12-01 is a Tuesday; 10:00 local = 02:00Z. */
const TUE_10_00 = new Date('2026-12-01T02:00:00Z');
const minutes = (n: number) => new Date(TUE_10_00.getTime() + n * 60_000);

describe('SOP: scan → channel tag → step an hour later → mass send → member confirms → results', () => {
  let sys: TestSystem;
  let tenant: SimTenant;
  let sop: SopDriver;
  let channel: { id: string; configId: string };
  let tagId: string;

  beforeAll(async () => {
    let corpTag: string;
    ({ sys, tenant, sop, corpTag, tagId } = await startSopSystem());
    channel = await createChannel(sys, tenant, { name: 'Fair', strategy: 'random', members: [{ userId: 'anna' }], tagIds: [corpTag] });
  });
  afterAll(() => sys.close());

  it('delivers step 1 an hour after the tag, once, and records per-target results when the member confirms', async () => {
    await sop.at(TUE_10_00);
    const sopId = await sop.createSop({
      name: 'Fair follow-up',
      target: 'customer',
      trigger: { type: 'tag_added', tagId },
      steps: [{ offset: { amount: 1, unit: 'hours' }, delivery: 'mass_send', text: 'Hi {customer_name|friend}, {staff_name} here: thanks for visiting!' }],
    });
    const add = await scan(sys, tenant, channel.configId, { customer: { name: 'Lin' } });
    const [enrolment] = await until(() => sop.enrolments(sopId), (e) => e.length === 1, 10_000, 'the enrolment');
    expect(enrolment).toMatchObject({ status: 'active', wecom_id: add.externalUserId, next_step: 0 });

    await sop.at(minutes(59));
    await sop.tick();
    expect(await sop.tasks(sopId)).toHaveLength(0);

    await sop.at(minutes(61));
    await sop.tick();
    const [task] = await sop.tasks(sopId);
    expect(task).toMatchObject({ status: 'sent', user_id: 'anna', step_index: 0, target_count: 1 });
    const sent = (await sop.massSends()).filter((m) => m.msgid === task.msgid);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ creator: 'anna', chat_type: 'single', text: { content: 'Hi friend, Anna here: thanks for visiting!' } });
    expect(sent[0].targets.map((t) => t.external_userid)).toEqual([add.externalUserId]);

    // A second tick (or a replayed one) sends nothing more.
    await sop.at(minutes(70));
    await sop.tick();
    expect(await sop.tasks(sopId)).toHaveLength(1);
    expect((await sop.massSends()).length).toBe(1);
    expect((await sop.enrolments(sopId))[0]).toMatchObject({ status: 'completed' });

    // Nothing settled before the member confirms.
    await sop.poll();
    expect((await sop.tasks(sopId))[0].status).toBe('sent');
    await sop.confirm(task.msgid!, 'anna');
    await sop.poll();
    expect((await sop.tasks(sopId))[0].status).toBe('done');
    expect(await sop.targets(task.id)).toEqual([{ wecom_id: add.externalUserId, status: 'sent' }]);

    // The customer's 360° view shows the enrolment and the delivered task.
    const profile = await until(
      async () => (await sys.http().get(`/api/v1/customers/${add.externalUserId}/profile`).set(sop.admin())).body,
      (p) => p.sop?.tasks?.[0]?.targetStatus === 'sent',
      10_000,
      'the profile’s SOP section',
    );
    expect(profile.sop.enrollments).toEqual([expect.objectContaining({ sopId, sopName: 'Fair follow-up', status: 'completed' })]);
    expect(profile.sop.tasks).toEqual([expect.objectContaining({ taskId: task.id, userId: 'anna', taskStatus: 'done', targetStatus: 'sent' })]);
  });
});
