import { Clock } from '@scrm/core';
import { bearer } from '../support/factories';
import { processDelivery } from '../support/process-sim-event';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { createChannel, scan } from '../channels/support/channel-helpers';

/** Tenant time zone is Asia/Shanghai (UTC+8). 2026-12-01 is a Tuesday. */
const TUESDAY_10_00 = new Date('2026-12-01T02:00:00Z');
const TUESDAY_22_00 = new Date('2026-12-01T14:00:00Z');
const AFTER_HOURS = [{ weekdays: [1, 2, 3, 4, 5], start: '18:00', end: '09:00' }];

describe('welcome messages: precedence, windows, variables, outcomes', () => {
  let sys: TestSystem;
  let tenant: SimTenant;
  let channel: { id: string; configId: string };

  beforeAll(async () => {
    process.env.CHANNEL_ROSTER_DEBOUNCE_MS = '20';
    sys = await startSystem({ sim: true, worker: true });
    tenant = await createSimTenant(sys, { members: [{ userid: 'anna', name: 'Anna' }, { userid: 'bert', name: 'Bert' }] });
    channel = await createChannel(sys, tenant, { name: 'Spring Fair', strategy: 'random', members: [{ userId: 'anna' }, { userId: 'bert' }] });
  });
  afterEach(() => sys.worker!.get(Clock, { strict: false }).set(null));
  afterAll(() => sys.close());

  const admin = () => bearer(tenant.adminToken);
  const at = (when: Date) => sys.worker!.get(Clock, { strict: false }).set(when);

  async function rule(body: Record<string, unknown>): Promise<string> {
    const res = await sys.http().post('/api/v1/welcome/rules').set(admin()).send(body);
    if (res.status !== 201) throw new Error(`rule create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  /** What the simulator received for this add's welcome code. */
  async function received(welcomeCode: string) {
    const res = await tenant.sim().get(`/sim/corps/${tenant.corpId}/welcome-messages`);
    return res.body.filter((m: { welcome_code: string }) => m.welcome_code === welcomeCode);
  }

  async function outcomeOf(externalUserId: string) {
    const res = await sys.http().get(`/api/v1/welcome/outcomes?externalUserId=${externalUserId}`).set(admin());
    return res.body;
  }

  describe('precedence: channel+member > channel > member > default', () => {
    // Each level is added in turn; the newest (more specific) rule must win over the ones before it.
    it.each([
      ['default', {}, 'Default hello {customer_name|friend}'],
      ['member', { userId: 'anna' }, 'Anna here, hi {customer_name|friend}'],
      ['channel', { channelId: 'CHANNEL' }, 'Welcome from {channel_name}, {customer_name}!'],
      ['channel+member', { channelId: 'CHANNEL', userId: 'anna' }, '{staff_name} at {channel_name} greets {customer_name}'],
    ])('%s rule wins over the less specific ones', async (level, scope, text) => {
      const resolved = Object.fromEntries(Object.entries(scope).map(([k, v]) => [k, v === 'CHANNEL' ? channel.id : v]));
      await rule({ name: level, text, ...resolved });
      const add = await scan(sys, tenant, channel.configId, { userId: 'anna', customer: { name: 'Lin' } });
      const msgs = await received(add.welcomeCode);
      expect(msgs).toHaveLength(1);
      const expected = {
        default: 'Default hello Lin',
        member: 'Anna here, hi Lin',
        channel: 'Welcome from Spring Fair, Lin!',
        'channel+member': 'Anna at Spring Fair greets Lin',
      }[level];
      expect(msgs[0].text.content).toBe(expected);
      const [outcome] = await outcomeOf(add.externalUserId);
      expect(outcome).toMatchObject({ status: 'sent', channelId: channel.id, sentText: expected });
    });

    it('another member through the same channel gets the channel rule, not anna’s', async () => {
      const add = await scan(sys, tenant, channel.configId, { userId: 'bert', customer: { name: 'Wu' } });
      expect((await received(add.welcomeCode))[0].text.content).toBe('Welcome from Spring Fair, Wu!');
    });
  });

  describe('time windows (tenant time zone)', () => {
    let windowed: { id: string; configId: string };
    beforeAll(async () => {
      windowed = await createChannel(sys, tenant, { name: 'Night', strategy: 'random', members: [{ userId: 'bert' }] });
      await rule({ name: 'night plain', channelId: windowed.id, text: 'Hello from Night' });
      await rule({ name: 'night after-hours', channelId: windowed.id, text: 'We are closed, back at 9', windows: AFTER_HOURS });
    });

    it('inside the window the windowed rule beats the unrestricted one', async () => {
      at(TUESDAY_22_00);
      const add = await scan(sys, tenant, windowed.configId);
      expect((await received(add.welcomeCode))[0].text.content).toBe('We are closed, back at 9');
    });

    it('outside the window the unrestricted rule applies', async () => {
      at(TUESDAY_10_00);
      const add = await scan(sys, tenant, windowed.configId);
      expect((await received(add.welcomeCode))[0].text.content).toBe('Hello from Night');
    });

    it('the preview says which rule matched and why', async () => {
      const res = await sys.http().post('/api/v1/welcome/preview').set(admin())
        .send({ userId: 'bert', channelId: windowed.id, customerName: 'Zhou', at: TUESDAY_22_00.toISOString() });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ rule: { name: 'night after-hours' }, text: 'We are closed, back at 9' });
      expect(res.body.reason).toMatch(/night after-hours.*window/);
      expect(res.body.verdicts.map((v: { name: string }) => v.name)).toContain('night plain');
    });
  });

  describe('outcomes', () => {
    it('add_half codes are greeted too, and a replayed event is never greeted twice', async () => {
      const res = await tenant.sim().post(`/sim/corps/${tenant.corpId}/scenarios/scan`).send({ configId: channel.configId, half: true, userId: 'bert' });
      await processDelivery(sys, tenant, res.body.deliveryId);
      await processDelivery(sys, tenant, res.body.deliveryId);
      expect(await received(res.body.welcomeCode)).toHaveLength(1);
      const outcomes = await outcomeOf(res.body.externalUserId);
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]).toMatchObject({ status: 'sent', eventKind: 'add_half_external_contact' });
    });

    it('records already_chatting (41051) and no_code', async () => {
      const chatting = await scan(sys, tenant, channel.configId, { alreadyChatting: true });
      expect((await outcomeOf(chatting.externalUserId))[0]).toMatchObject({ status: 'already_chatting', errcode: 41051 });
      const noCode = await scan(sys, tenant, channel.configId, { noWelcomeCode: true });
      const [o] = await outcomeOf(noCode.externalUserId);
      expect(o.status).toBe('no_code');
      expect(o.detail).toMatch(/WelcomeCode/);
    });

    it('records code_expired when the 20-second code died before we sent', async () => {
      const res = await tenant.sim().post(`/sim/corps/${tenant.corpId}/scenarios/scan`).send({ configId: channel.configId });
      await tenant.sim().post('/sim/clock').send({ advanceMs: 21_000 });
      await processDelivery(sys, tenant, res.body.deliveryId);
      expect((await outcomeOf(res.body.externalUserId))[0]).toMatchObject({ status: 'code_expired', errcode: 41050 });
    });

    it('A/B variants: the one sent is recorded', async () => {
      const ab = await createChannel(sys, tenant, { name: 'AB', strategy: 'random', members: [{ userId: 'anna' }] });
      await rule({ name: 'ab', channelId: ab.id, variants: [{ name: 'A', weight: 1, text: 'Variant A' }, { name: 'B', weight: 1, text: 'Variant B' }] });
      const seen = new Set<string>();
      for (let i = 0; i < 12; i++) {
        const add = await scan(sys, tenant, ab.configId);
        const [o] = await outcomeOf(add.externalUserId);
        expect((await received(add.welcomeCode))[0].text.content).toBe(`Variant ${o.variant}`);
        seen.add(o.variant);
      }
      expect([...seen].sort()).toEqual(['A', 'B']);
    });
  });

  describe('attachments and media', () => {
    it('sends uploaded media by its media_id and refreshes it before the 3-day expiry', async () => {
      const up = await sys.http().post('/api/v1/welcome/media').set(admin()).field('type', 'image').attach('media', Buffer.from('png-bytes'), 'menu.png');
      expect(up.status).toBe(201);
      const withMedia = await createChannel(sys, tenant, { name: 'Media', strategy: 'random', members: [{ userId: 'anna' }] });
      await rule({
        name: 'media',
        channelId: withMedia.id,
        attachments: [{ type: 'image', mediaAssetId: up.body.id }, { type: 'link', title: 'Menu', url: 'https://example.com/menu' }],
      });
      const add = await scan(sys, tenant, withMedia.configId);
      const [msg] = await received(add.welcomeCode);
      expect(msg.attachments.map((a: { msgtype: string }) => a.msgtype)).toEqual(['image', 'link']);
      const firstMediaId = msg.attachments[0].image.media_id;

      // 2.5 days later the refresh job re-uploads; the welcome then carries the new media_id.
      const later = new Date(Date.now() + 2.5 * 24 * 3600 * 1000);
      at(later);
      const { WelcomeMediaService } = await import('@scrm/core');
      expect((await sys.worker!.get(WelcomeMediaService, { strict: false }).refreshDue()).refreshed).toBeGreaterThanOrEqual(1);
      const add2 = await scan(sys, tenant, withMedia.configId);
      const [msg2] = await received(add2.welcomeCode);
      expect(msg2.attachments[0].image.media_id).not.toBe(firstMediaId);
    });

    it.each([
      ['attachments', { attachments: Array.from({ length: 10 }, () => ({ type: 'link', title: 't', url: 'https://e.com' })) }],
      ['attachments.0.mediaAssetId', { attachments: [{ type: 'file', mediaAssetId: '00000000-0000-4000-8000-000000000000' }] }],
      ['attachments.0.url', { attachments: [{ type: 'link', title: 't' }] }],
      ['windows.0.start', { windows: [{ weekdays: [1], start: '9am', end: '10:00' }] }],
      ['channelId', { channelId: '00000000-0000-4000-8000-000000000000' }],
      ['userId', { userId: 'ghost' }],
      ['text', { text: '好'.repeat(1400) }],
    ])('answers 400 naming %s', async (field, patch) => {
      const res = await sys.http().post('/api/v1/welcome/rules').set(admin()).send({ name: 'bad', text: 'hi', ...patch });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });
});
