import request from 'supertest';
import { Clock } from '@scrm/core';
import { createChannel, scan } from '../channels/support/channel-helpers';
import { bearer } from '../support/factories';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { until } from '../support/wait';
import { SopDriver } from './support/sop-helpers';

/** Asia/Shanghai; 2026-12-01 10:00 local. */
const T0 = new Date('2026-12-01T02:00:00Z');
const after = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe('staff tasks: reminder cards, OAuth sign-in, my tasks, done / skip; the admin board and rates', () => {
  let sys: TestSystem;
  let tenant: SimTenant;
  let sop: SopDriver;
  let reminderSop: string;
  let brochureSop: string;
  let massSop: string;

  beforeAll(async () => {
    process.env.CHANNEL_ROSTER_DEBOUNCE_MS = '20';
    sys = await startSystem({ sim: true, worker: true });
    tenant = await createSimTenant(sys, { members: [{ userid: 'anna', name: 'Anna' }, { userid: 'bert', name: 'Bert' }] });
    sop = new SopDriver(sys, tenant);
    await sop.at(T0);
    const annas = await createChannel(sys, tenant, { name: 'Anna desk', strategy: 'random', members: [{ userId: 'anna' }] });
    const berts = await createChannel(sys, tenant, { name: 'Bert desk', strategy: 'random', members: [{ userId: 'bert' }] });
    reminderSop = await sop.createSop({
      name: 'Call them',
      target: 'customer',
      trigger: { type: 'customer_added', channelId: annas.id },
      steps: [{ offset: { amount: 10, unit: 'minutes' }, delivery: 'reminder', text: 'Call to welcome them' }],
    });
    brochureSop = await sop.createSop({
      name: 'Send a brochure',
      target: 'customer',
      trigger: { type: 'customer_added', channelId: annas.id },
      steps: [{ offset: { amount: 10, unit: 'minutes' }, delivery: 'reminder', text: 'Send the brochure' }],
    });
    massSop = await sop.createSop({
      name: 'Mass hello',
      target: 'customer',
      trigger: { type: 'customer_added', channelId: berts.id },
      steps: [{ offset: { amount: 10, unit: 'minutes' }, delivery: 'mass_send', text: 'Hello from Bert' }],
    });
    for (let i = 0; i < 3; i++) await scan(sys, tenant, annas.configId, { customer: { name: `Cust ${i}` } });
    await scan(sys, tenant, berts.configId);
    await until(() => sop.enrolments(reminderSop), (e) => e.length === 3, 10_000, 'anna’s enrolments');
    await until(() => sop.enrolments(brochureSop), (e) => e.length === 3, 10_000, 'anna’s enrolments');
    await until(() => sop.enrolments(massSop), (e) => e.length === 1, 10_000, 'bert’s enrolment');
    await sop.at(after(11));
    // What staff see (pending / overdue) is the api's clock: it shares the moved time, or the spec would age with the date.
    sys.api.get(Clock, { strict: false }).set(after(11));
    await sop.tick();
  });
  afterAll(() => sys.close());

  async function signInThroughWeCom(userid: string): Promise<string> {
    const link = await sys.http().get('/api/v1/staff/auth/oauth-url').query({ tenant: tenant.slug, redirectUri: 'https://scrm.example/staff/tasks', state: 'x' });
    expect(link.status).toBe(200);
    const params = new URL(link.body.url).searchParams;
    expect(params.get('appid')).toBe(tenant.corpId);
    // The member opens the link inside WeCom (the simulator plays WeCom's authorize page).
    const redirect = await request(sys.simUrl!).get('/connect/oauth2/authorize').query({ ...Object.fromEntries(params), sim_userid: userid });
    const code = new URL(redirect.headers.location).searchParams.get('code')!;
    const session = await sys.http().post('/api/v1/staff/auth/oauth').send({ tenant: tenant.slug, code });
    expect(session.status).toBe(200);
    expect(session.body.userId).toBe(userid);
    // single use
    expect((await sys.http().post('/api/v1/staff/auth/oauth').send({ tenant: tenant.slug, code })).status).toBe(401);
    return session.body.accessToken;
  }

  it('reminders are one app card per member and window for all their tasks and targets, linking through WeCom OAuth', async () => {
    const [task] = await sop.tasks(reminderSop);
    const [brochure] = await sop.tasks(brochureSop);
    expect(task).toMatchObject({ status: 'sent', user_id: 'anna', target_count: 3 });
    expect(brochure).toMatchObject({ status: 'sent', user_id: 'anna', target_count: 3 });
    const cards = (await tenant.sim().get(`/sim/corps/${tenant.corpId}/app-messages?userid=anna`)).body.messages;
    expect(cards).toHaveLength(1);
    expect(cards[0].body.textcard.description).toBe('2 SOP tasks, 6 targets, are waiting for you.');
    const url = new URL(cards[0].body.textcard.url);
    expect(url.searchParams.get('redirect_uri')).toMatch(/\/staff\/tasks$/);
  });

  it('staff sign in with the OAuth code and see only their own tasks; they mark them done or skip with a reason', async () => {
    const anna = bearer(await signInThroughWeCom('anna'));
    const mine = await sys.http().get('/api/v1/staff/tasks').set(anna);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((t: { userId: string; state: string }) => [t.userId, t.state])).toEqual([['anna', 'pending'], ['anna', 'pending']]);
    const taskId = (await sop.tasks(reminderSop))[0].id;
    const detail = await sys.http().get(`/api/v1/staff/tasks/${taskId}`).set(anna);
    expect(detail.body).toMatchObject({ text: 'Call to welcome them', delivery: 'reminder' });
    expect(detail.body.targets.map((t: { name: string }) => t.name).sort()).toEqual(['Cust 0', 'Cust 1', 'Cust 2']);

    const bertsTask = (await sop.tasks(massSop))[0].id;
    expect((await sys.http().get(`/api/v1/staff/tasks/${bertsTask}`).set(anna)).status).toBe(404);
    expect((await sys.http().post(`/api/v1/staff/tasks/${bertsTask}/skip`).set(anna).send({ reason: 'not mine' })).status).toBe(404);

    // Overdue a day after its window (the api's clock decides what staff see)
    const apiClock = sys.api.get(Clock, { strict: false });
    apiClock.set(after(11 + 24 * 60 + 1));
    expect((await sys.http().get('/api/v1/staff/tasks?state=overdue').set(anna)).body.total).toBe(2);
    expect((await sys.http().get('/api/v1/staff/tasks?state=pending').set(anna)).body.total).toBe(0);
    apiClock.set(after(11));
    const done = await sys.http().post(`/api/v1/staff/tasks/${taskId}/done`).set(anna).send({});
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'done', status: 'done' });
    expect(done.body.targets.every((t: { status: string }) => t.status === 'sent')).toBe(true);
    expect((await sys.http().post(`/api/v1/staff/tasks/${taskId}/done`).set(anna).send({})).status).toBe(409);
    expect((await sys.http().get('/api/v1/staff/tasks?state=done').set(anna)).body.total).toBe(1);
    expect((await sys.http().get('/api/v1/staff/tasks?state=pending').set(anna)).body.total).toBe(1);

    const bert = bearer((await sys.http().post('/api/v1/staff/tokens').set(sop.admin()).send({ userId: 'bert' })).body.accessToken);
    expect((await sys.http().post(`/api/v1/staff/tasks/${bertsTask}/done`).set(bert).send({})).status).toBe(409);
    expect((await sys.http().post(`/api/v1/staff/tasks/${bertsTask}/skip`).set(bert).send({})).status).toBe(400);
    const skipped = await sys.http().post(`/api/v1/staff/tasks/${bertsTask}/skip`).set(bert).send({ reason: 'customer asked for no messages' });
    expect(skipped.body).toMatchObject({ status: 'skipped', note: 'customer asked for no messages' });
  });

  it('a code that is not a member’s, or an unknown tenant, gets no token', async () => {
    const redirect = await request(sys.simUrl!).get('/connect/oauth2/authorize').query({ appid: tenant.corpId, redirect_uri: 'https://x.example/cb', response_type: 'code', scope: 'snsapi_base', sim_openid: 'oOutsider' });
    const code = new URL(redirect.headers.location).searchParams.get('code')!;
    expect((await sys.http().post('/api/v1/staff/auth/oauth').send({ tenant: tenant.slug, code })).status).toBe(401);
    expect((await sys.http().post('/api/v1/staff/auth/oauth').send({ tenant: 'no-such-tenant', code: 'abc' })).status).toBe(400);
  });

  it('the admin board filters tasks, and rates count completion and delivery per step and member', async () => {
    const admin = sop.admin();
    const board = await sys.http().get(`/api/v1/tasks?sopId=${reminderSop}`).set(admin);
    expect(board.body.items.map((t: { userId: string; status: string }) => [t.userId, t.status])).toEqual([['anna', 'done']]);
    expect((await sys.http().get('/api/v1/tasks?userId=bert&state=done').set(admin)).body.total).toBe(1);
    const stats = await sys.http().get(`/api/v1/sops/${reminderSop}/stats`).set(admin);
    expect(stats.body.byStepAndMember).toEqual([expect.objectContaining({ stepIndex: 0, userId: 'anna', tasks: 1, tasksDone: 1, targets: 3, delivered: 3, completionRate: 1, deliveryRate: 1 })]);
    const massStats = await sys.http().get(`/api/v1/sops/${massSop}/stats`).set(admin);
    expect(massStats.body.total).toMatchObject({ tasks: 1, tasksDone: 0, targets: 1, unsent: 1, completionRate: 0, deliveryRate: 0 });
  });

  it('another tenant sees none of it', async () => {
    const other = await createSimTenant(sys);
    const them = bearer(other.adminToken);
    const [task] = await sop.tasks(reminderSop);
    expect((await sys.http().get(`/api/v1/tasks/${task.id}`).set(them)).status).toBe(404);
    expect((await sys.http().get('/api/v1/tasks').set(them)).body.total).toBe(0);
    expect((await sys.http().get(`/api/v1/sops/${reminderSop}/stats`).set(them)).status).toBe(404);
    expect((await sys.http().post('/api/v1/staff/tokens').set(them).send({ userId: 'anna' })).status).toBe(400);
  });
});
