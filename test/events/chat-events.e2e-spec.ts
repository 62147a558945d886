import { DomainEvent } from '@scrm/core';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { advanceSimClock, contactWay, detachCallbacks, handOver, recordEvents, rows, scenario, scenarioOnly } from './support';

describe('change_external_chat events keep group chats and their members true', () => {
  let sys: TestSystem;
  let tenant: SimTenant;
  let customers: string[];
  let events: Array<{ name: string; payload: any }>;

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
    tenant = await createSimTenant(sys);
    events = recordEvents(sys, Object.values(DomainEvent));
    customers = [];
    for (let i = 0; i < 3; i++) customers.push((await scenario(sys, tenant, 'scan', { configId: await contactWay(sys, tenant, 'zhangsan', `c${i}`) })).externalUserId);
  });
  afterAll(() => sys.close());

  const chat = async (chatId: string) => (await rows(sys, `SELECT * FROM group_chats WHERE tenant_id = $1 AND chat_id = $2`, [tenant.id, chatId]))[0];
  const members = async (chatId: string) =>
    (await rows(sys, `SELECT member_id FROM group_chat_members WHERE tenant_id = $1 AND chat_id = $2 ORDER BY member_id`, [tenant.id, chatId])).map((r) => r.member_id);
  const chatEvents = (name: string, chatId: string) => events.filter((e) => e.name === name && e.payload.chatId === chatId);
  const newChat = async (name: string) =>
    scenario(sys, tenant, 'group-chats', { name, owner: 'zhangsan', notice: 'hi', members: [{ id: 'lisi', type: 1 }, { id: customers[0], type: 2 }] });

  it('create stores the chat and its members as groupchat/get reports them', async () => {
    const { chatId } = await newChat('Buyers');
    expect(await chat(chatId)).toMatchObject({ name: 'Buyers', owner: 'zhangsan', notice: 'hi', status: 'active' });
    expect(await members(chatId)).toEqual(['lisi', customers[0], 'zhangsan'].sort());
    expect(chatEvents(DomainEvent.GroupCreated, chatId)).toHaveLength(1);
  });

  it('rename, notice and owner changes update the chat and emit group.updated with the detail', async () => {
    const { chatId } = await newChat('Old');
    await scenario(sys, tenant, `group-chats/${chatId}/rename`, { name: 'New' });
    await advanceSimClock(tenant, 1_000);
    await scenario(sys, tenant, `group-chats/${chatId}/notice`, { notice: 'rules' });
    await advanceSimClock(tenant, 1_000);
    await scenario(sys, tenant, `group-chats/${chatId}/owner`, { owner: 'lisi' });
    expect(await chat(chatId)).toMatchObject({ name: 'New', notice: 'rules', owner: 'lisi' });
    expect(chatEvents(DomainEvent.GroupUpdated, chatId).map((e) => e.payload.change)).toEqual(['change_name', 'change_notice', 'change_owner']);
  });

  it('joins and leaves change the member list, write the customers’ timelines and emit member events', async () => {
    const { chatId } = await newChat('Members');
    await scenario(sys, tenant, `group-chats/${chatId}/join`, { members: [{ id: customers[1], type: 2 }, { id: customers[2], type: 2 }], joinScene: 3 });
    expect(await members(chatId)).toEqual(expect.arrayContaining([customers[1], customers[2]]));
    await advanceSimClock(tenant, 1_000);
    await scenario(sys, tenant, `group-chats/${chatId}/leave`, { ids: [customers[0]], quitScene: 1 });
    expect(await members(chatId)).not.toContain(customers[0]);
    expect(await members(chatId)).toHaveLength(4);

    const joined = chatEvents(DomainEvent.GroupMemberJoined, chatId);
    expect(joined.map((e) => [e.payload.memberIds.sort(), e.payload.scene])).toEqual([[[customers[1], customers[2]].sort(), 3]]);
    expect(chatEvents(DomainEvent.GroupMemberLeft, chatId).map((e) => [e.payload.memberIds, e.payload.scene])).toEqual([[[customers[0]], 1]]);
    const entries = await rows(sys, `SELECT type, external_user_id FROM timeline_entries WHERE tenant_id = $1 AND chat_id = $2 AND external_user_id IS NOT NULL`, [tenant.id, chatId]);
    expect(entries).toEqual(expect.arrayContaining([
      { type: 'group.member_joined', external_user_id: customers[1] },
      { type: 'group.member_joined', external_user_id: customers[2] },
      { type: 'group.member_left', external_user_id: customers[0] },
    ]));
    expect(entries).toHaveLength(3);
  });

  describe('processed in an order of our choosing', () => {
    let quiet: SimTenant;
    beforeAll(async () => {
      quiet = await createSimTenant(sys);
      await detachCallbacks(quiet);
    });
    const quietChat = async (name: string) => {
      const created = await scenarioOnly(quiet, 'group-chats', { name, owner: 'zhangsan', members: [{ id: 'lisi', type: 1 }, { id: 'wmcustomer0', type: 2 }] });
      await handOver(sys, quiet, created.deliveryId);
      return created.chatId as string;
    };
    const quietMembers = async (chatId: string) =>
      (await rows(sys, `SELECT member_id FROM group_chat_members WHERE tenant_id = $1 AND chat_id = $2 ORDER BY member_id`, [quiet.id, chatId])).map((r) => r.member_id);

    it('member events out of order and twice still end in WeCom’s member list', async () => {
      const chatId = await quietChat('Shuffled');
      const join = await scenarioOnly(quiet, `group-chats/${chatId}/join`, { members: [{ id: 'wmcustomer1', type: 2 }] });
      await advanceSimClock(quiet, 1_000);
      const leave = await scenarioOnly(quiet, `group-chats/${chatId}/leave`, { ids: ['wmcustomer0'] });
      for (const id of [leave.deliveryId, join.deliveryId, leave.deliveryId, join.deliveryId]) await handOver(sys, quiet, id);
      expect(await quietMembers(chatId)).toEqual(['lisi', 'wmcustomer1', 'zhangsan'].sort());
    });

    it('dismiss marks the chat dismissed, and a late update neither brings it back nor announces it twice', async () => {
      const chatId = await quietChat('Gone');
      const rename = await scenarioOnly(quiet, `group-chats/${chatId}/rename`, { name: 'Late' });
      const dismiss = await scenarioOnly(quiet, `group-chats/${chatId}/dismiss`);
      await handOver(sys, quiet, dismiss.deliveryId);
      await handOver(sys, quiet, rename.deliveryId);
      const [row] = await rows(sys, `SELECT status, name FROM group_chats WHERE tenant_id = $1 AND chat_id = $2`, [quiet.id, chatId]);
      expect(row).toMatchObject({ status: 'dismissed', name: 'Gone' });
      expect(chatEvents(DomainEvent.GroupDismissed, chatId)).toHaveLength(1);
    });
  });

  it('dismiss through the normal path', async () => {
    const { chatId } = await newChat('Bye');
    await scenario(sys, tenant, `group-chats/${chatId}/dismiss`);
    expect(await chat(chatId)).toMatchObject({ status: 'dismissed' });
    expect(chatEvents(DomainEvent.GroupDismissed, chatId)).toHaveLength(1);
  });
});
