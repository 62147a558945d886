import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Receiver, waitFor } from './support/receiver';
import { AES_KEY, SimHarness, TOKEN } from './support/sim-harness';
import { decryptMessage, encryptMessage, signature, xmlField } from './support/wecom-crypto';

jest.setTimeout(30_000);

const vectors = JSON.parse(readFileSync(path.resolve(__dirname, '../../libs/wechat-work-sdk/src/callback/fixtures/crypto-vectors.json'), 'utf8'));

describe('independent callback crypto (node:crypto only) against the official vectors', () => {
  it('verifies and decrypts the URL-verification echostr, and re-encrypts it exactly', () => {
    const q = Object.fromEntries(new URLSearchParams(vectors.verifyUrl.rawQueryString));
    expect(signature(vectors.token, q.timestamp, q.nonce, q.echostr)).toBe(q.msg_signature);
    const d = decryptMessage(vectors.encodingAESKey, q.echostr);
    expect(d).toMatchObject({ message: vectors.verifyUrl.expected, receiveId: vectors.receiveId, padByte: vectors.verifyUrl.padByte });
    expect(d.random.toString('ascii')).toBe(vectors.verifyUrl.randomPrefixAscii);
    const again = encryptMessage(vectors.encodingAESKey, vectors.verifyUrl.expected, vectors.receiveId, Buffer.from(vectors.verifyUrl.randomPrefixAscii, 'ascii'));
    expect(again).toBe(q.echostr);
  });

  it('verifies and decrypts the POST vector, and re-encrypts it exactly', () => {
    const encrypt = xmlField(vectors.post.body, 'Encrypt')!;
    const q = vectors.post.query;
    expect(signature(vectors.token, q.timestamp, q.nonce, encrypt)).toBe(q.msg_signature);
    const d = decryptMessage(vectors.encodingAESKey, encrypt);
    expect(d).toMatchObject({ message: vectors.post.expected, receiveId: vectors.receiveId, padByte: vectors.post.padByte });
    expect(encryptMessage(vectors.encodingAESKey, vectors.post.expected, vectors.receiveId, Buffer.from(vectors.post.randomPrefixAscii, 'ascii'))).toBe(encrypt);
  });
});

describe('a scan reaches a plain node:http receiver as a callback it can verify and decrypt', () => {
  const sim = new SimHarness();
  const receiver = new Receiver();
  let callbackUrl: string;

  beforeAll(async () => {
    await sim.start();
    callbackUrl = (await receiver.start()) + '/wecom/callback/t1?tenant=t1';
    await sim.corp('wwcrypto', { callback: { url: callbackUrl, token: TOKEN, encodingAESKey: AES_KEY } });
  });
  afterAll(async () => {
    await sim.stop();
    await receiver.stop();
  });

  it('POSTs a signed, encrypted add_external_contact with the way state and a welcome code', async () => {
    const token = await sim.token('wwcrypto');
    const way = await sim.cgi(token, 'externalcontact/add_contact_way', { type: 2, scene: 2, state: 'ch_12', user: ['a', 'b'] });
    const scan = await sim.sim('post', '/sim/corps/wwcrypto/scenarios/scan?wait=true', { configId: way.config_id, customer: { name: '客户甲' } });
    expect(['a', 'b']).toContain(scan.userId);
    expect(scan.firstAttempt).toMatchObject({ status: 200, ok: true });

    const req = await waitFor(() => receiver.requests[0]);
    expect(req.method).toBe('POST');
    expect(req.url.pathname).toBe('/wecom/callback/t1');
    expect(req.url.searchParams.get('tenant')).toBe('t1');
    const timestamp = req.url.searchParams.get('timestamp')!;
    const nonce = req.url.searchParams.get('nonce')!;
    const encrypt = xmlField(req.body, 'Encrypt')!;
    expect(xmlField(req.body, 'ToUserName')).toBe('wwcrypto');
    expect(xmlField(req.body, 'AgentID')).toBe('1000002');
    expect(req.url.searchParams.get('msg_signature')).toBe(signature(TOKEN, timestamp, nonce, encrypt));

    const { message, receiveId } = decryptMessage(AES_KEY, encrypt);
    expect(receiveId).toBe('wwcrypto');
    expect(message).toContain('<ToUserName><![CDATA[wwcrypto]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>');
    expect(xmlField(message, 'MsgType')).toBe('event');
    expect(xmlField(message, 'Event')).toBe('change_external_contact');
    expect(xmlField(message, 'ChangeType')).toBe('add_external_contact');
    expect(xmlField(message, 'UserID')).toBe(scan.userId);
    expect(xmlField(message, 'ExternalUserID')).toBe(scan.externalUserId);
    expect(xmlField(message, 'State')).toBe('ch_12');
    expect(xmlField(message, 'WelcomeCode')).toBe(scan.welcomeCode);
    expect(Number(xmlField(message, 'CreateTime'))).toBeGreaterThan(1_600_000_000);
  });

  it('picks members of the way at random', async () => {
    const token = await sim.token('wwcrypto');
    const way = await sim.cgi(token, 'externalcontact/add_contact_way', { type: 2, scene: 2, user: ['a', 'b'] });
    const picked = new Set<string>();
    for (let i = 0; i < 30 && picked.size < 2; i++) {
      picked.add((await sim.sim('post', '/sim/corps/wwcrypto/scenarios/scan', { configId: way.config_id })).userId);
    }
    expect(picked).toEqual(new Set(['a', 'b']));
  });

  it('sends add_half_external_contact, and leaves WelcomeCode out when told', async () => {
    const token = await sim.token('wwcrypto');
    const way = await sim.cgi(token, 'externalcontact/add_contact_way', { type: 1, scene: 1, user: ['a'] });
    const before = receiver.requests.length;
    await sim.sim('post', '/sim/corps/wwcrypto/scenarios/scan?wait=true', { configId: way.config_id, half: true, noWelcomeCode: true });
    const req = await waitFor(() => receiver.requests[before]);
    const { message } = decryptMessage(AES_KEY, xmlField(req.body, 'Encrypt')!);
    expect(xmlField(message, 'ChangeType')).toBe('add_half_external_contact');
    expect(message).not.toContain('WelcomeCode');
    expect(message).not.toContain('<State>');
  });
});

describe('URL verification', () => {
  const sim = new SimHarness();
  const receiver = new Receiver();

  beforeAll(async () => {
    await sim.start();
    const url = await receiver.start();
    await sim.corp('wwverify', { callback: { url: `${url}/cb`, token: TOKEN, encodingAESKey: AES_KEY } });
  });
  afterAll(async () => {
    await sim.stop();
    await receiver.stop();
  });

  const echo = (suffix: string) => (req: { url: URL }) => {
    const q = req.url.searchParams;
    const echostr = q.get('echostr')!;
    if (signature(TOKEN, q.get('timestamp')!, q.get('nonce')!, echostr) !== q.get('msg_signature')) return { status: 403 };
    return { status: 200, body: decryptMessage(AES_KEY, echostr).message + suffix };
  };

  it('passes a receiver that answers the bare plaintext', async () => {
    receiver.reply = echo('');
    const report = await sim.sim('post', '/sim/corps/wwverify/verify-url');
    expect(report).toMatchObject({ ok: true, exact: true, status: 200, withinDeadline: true });
    expect(receiver.requests.at(-1)!.method).toBe('GET');
  });

  it('fails a receiver that adds a newline', async () => {
    receiver.reply = echo('\n');
    expect(await sim.sim('post', '/sim/corps/wwverify/verify-url')).toMatchObject({ ok: false, exact: false, status: 200 });
  });

  it('fails a receiver slower than 1 second', async () => {
    receiver.reply = (req) => ({ ...echo('')(req), delayMs: 1300 });
    expect(await sim.sim('post', '/sim/corps/wwverify/verify-url')).toMatchObject({ ok: false });
  });
});
