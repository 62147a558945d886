import { Receiver } from './support/receiver';
import { AES_KEY, Json, SimHarness, TOKEN } from './support/sim-harness';
import { decryptMessage, xmlField } from './support/wecom-crypto';

jest.setTimeout(30_000);

describe('callback delivery like WeCom: retries, timeouts, redelivery', () => {
  const sim = new SimHarness();
  const receiver = new Receiver();
  let configId: string;

  beforeAll(async () => {
    await sim.start();
    const url = await receiver.start();
    await sim.corp('wwdeliver', {
      callback: { url: `${url}/cb`, token: TOKEN, encodingAESKey: AES_KEY },
      options: { callbackRetryDelayMs: 20, callbackTimeoutMs: 200 },
    });
    const token = await sim.token('wwdeliver');
    configId = (await sim.cgi(token, 'externalcontact/add_contact_way', { type: 1, scene: 2, user: ['a'] })).config_id;
  });
  afterAll(async () => {
    await sim.stop();
    await receiver.stop();
  });
  beforeEach(() => {
    receiver.requests.length = 0;
  });

  const delivery = async (id: string): Promise<Json> => sim.sim('get', `/sim/corps/wwdeliver/deliveries/${id}`);
  const settled = async (id: string): Promise<Json> => {
    for (let i = 0; i < 300; i++) {
      const d = await delivery(id);
      if (d.outcome !== 'pending') return d;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('delivery never settled');
  };

  it('tries 4 times in all when the receiver keeps answering 500, each with a new timestamp and nonce', async () => {
    receiver.reply = () => ({ status: 500 });
    const scan = await sim.sim('post', '/sim/corps/wwdeliver/scenarios/scan', { configId });
    const d = await settled(scan.deliveryId);
    expect(d.outcome).toBe('failed');
    expect(d.attempts).toHaveLength(4);
    expect(d.attempts.map((a: Json) => a.status)).toEqual([500, 500, 500, 500]);
    expect(receiver.requests).toHaveLength(4);
    const nonces = new Set(receiver.requests.map((r) => r.url.searchParams.get('nonce')));
    expect(nonces.size).toBe(4);
    // Same event every time.
    const events = receiver.requests.map((r) => decryptMessage(AES_KEY, xmlField(r.body, 'Encrypt')!).message);
    expect(new Set(events).size).toBe(1);
  });

  it('stops retrying at the first 200', async () => {
    receiver.reply = (_req, n) => ({ status: n === 0 ? 502 : 200 });
    const scan = await sim.sim('post', '/sim/corps/wwdeliver/scenarios/scan', { configId });
    const d = await settled(scan.deliveryId);
    expect(d.outcome).toBe('delivered');
    expect(d.attempts.map((a: Json) => a.status)).toEqual([502, 200]);
  });

  it('treats an answer slower than the timeout as failed and retries', async () => {
    receiver.reply = (_req, n) => (n === 0 ? { status: 200, delayMs: 600 } : { status: 200 });
    const scan = await sim.sim('post', '/sim/corps/wwdeliver/scenarios/scan?wait=true', { configId });
    expect(scan.firstAttempt.ok).toBe(false);
    expect(scan.firstAttempt.error).toMatch(/no answer within 200 ms/);
    const d = await settled(scan.deliveryId);
    expect(d.outcome).toBe('delivered');
    expect(d.attempts).toHaveLength(2);
    expect(d.attempts[0].latencyMs).toBeGreaterThanOrEqual(190);
  });

  it('redelivers the same event N times on request', async () => {
    receiver.reply = () => ({ status: 200 });
    const scan = await sim.sim('post', '/sim/corps/wwdeliver/scenarios/scan?wait=true', { configId });
    const again = await sim.sim('post', `/sim/corps/wwdeliver/deliveries/${scan.deliveryId}/redeliver?times=2`);
    expect(again).toHaveLength(2);
    expect(receiver.requests).toHaveLength(3);
    const events = receiver.requests.map((r) => decryptMessage(AES_KEY, xmlField(r.body, 'Encrypt')!).message);
    expect(new Set(events).size).toBe(1);
    expect((await delivery(scan.deliveryId)).attempts.filter((a: Json) => a.redelivery)).toHaveLength(2);
  });

  it('lists deliveries with the plaintext event', async () => {
    const list = await sim.sim('get', '/sim/corps/wwdeliver/deliveries');
    expect(list.length).toBeGreaterThanOrEqual(4);
    expect(list[0].xml).toContain('<ChangeType><![CDATA[add_external_contact]]></ChangeType>');
  });

  it('re-points the callback', async () => {
    const other = new Receiver();
    const url = await other.start();
    await sim.sim('put', '/sim/corps/wwdeliver/callback', { url: `${url}/new`, token: TOKEN, encodingAESKey: AES_KEY });
    await sim.sim('post', '/sim/corps/wwdeliver/scenarios/scan?wait=true', { configId });
    expect(other.requests).toHaveLength(1);
    expect(other.requests[0].url.pathname).toBe('/new');
    await other.stop();
  });
});
