import { createDecipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decryptCallback, encryptCallback, verifyUrl } from './callback-crypto';
import { CallbackConfig } from './callback-config';
import { CallbackFormatError, CallbackReceiveIdError, CallbackSignatureError } from './callback-errors';

const vectors = JSON.parse(readFileSync(join(__dirname, 'fixtures/crypto-vectors.json'), 'utf8'));
const cfg: CallbackConfig = { token: vectors.token, encodingAESKey: vectors.encodingAESKey, receiveId: vectors.receiveId };
const postEncrypt = /<Encrypt><!\[CDATA\[(.*)\]\]><\/Encrypt>/.exec(vectors.post.body)![1];

function lastPlainByte(encrypted: string): number {
  const key = Buffer.from(`${cfg.encodingAESKey}=`, 'base64');
  const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  d.setAutoPadding(false);
  const plain = Buffer.concat([d.update(encrypted, 'base64'), d.final()]);
  return plain[plain.length - 1];
}

describe('callback crypto: official vectors', () => {
  it('verifyUrl decrypts echostr to the expected plaintext', () => {
    expect(verifyUrl(cfg, vectors.verifyUrl.query)).toBe(vectors.verifyUrl.expected);
  });

  it('verifyUrl accepts the query parsed from the raw (URL-encoded) query string', () => {
    const q = Object.fromEntries(new URLSearchParams(vectors.verifyUrl.rawQueryString));
    expect(verifyUrl(cfg, q as never)).toBe(vectors.verifyUrl.expected);
  });

  it('decryptCallback decrypts the post body to the expected inner XML', () => {
    expect(decryptCallback(cfg, vectors.post.query, vectors.post.body)).toBe(vectors.post.expected);
  });

  it.each([
    ['verifyUrl', vectors.verifyUrl, vectors.verifyUrl.query.echostr],
    ['post', vectors.post, postEncrypt],
  ])('re-encrypting the %s plaintext with the fixed prefix reproduces ciphertext and signature', (_name, v, cipher) => {
    const out = encryptCallback(cfg, v.expected, {
      timestamp: v.query.timestamp,
      nonce: v.query.nonce,
      random: Buffer.from(v.randomPrefixAscii),
    });
    expect(out.encrypt).toBe(cipher);
    expect(out.msg_signature).toBe(v.query.msg_signature);
    expect(lastPlainByte(cipher)).toBe(v.padByte); // PKCS#7 to 32, not 16
  });

  it('round-trips through its own body format', () => {
    const out = encryptCallback(cfg, '<xml><A>1</A></xml>', { timestamp: 1, nonce: 'n', agentId: 1000002 });
    const q = { msg_signature: out.msg_signature, timestamp: out.timestamp, nonce: out.nonce };
    expect(decryptCallback(cfg, q, out.body)).toBe('<xml><A>1</A></xml>');
  });
});

describe('callback crypto: rejections', () => {
  const q = vectors.post.query;

  it('rejects a wrong signature', () => {
    expect(() => decryptCallback(cfg, { ...q, msg_signature: '0'.repeat(40) }, vectors.post.body)).toThrow(CallbackSignatureError);
    expect(() => verifyUrl(cfg, { ...vectors.verifyUrl.query, nonce: '1' })).toThrow(CallbackSignatureError);
  });

  it('rejects a signature of the wrong length and a missing one', () => {
    expect(() => decryptCallback(cfg, { ...q, msg_signature: 'abc' }, vectors.post.body)).toThrow(CallbackSignatureError);
    expect(() => decryptCallback(cfg, { ...q, msg_signature: '' }, vectors.post.body)).toThrow(CallbackSignatureError);
  });

  it('rejects the wrong Token', () => {
    expect(() => decryptCallback({ ...cfg, token: 'other' }, q, vectors.post.body)).toThrow(CallbackSignatureError);
  });

  it('rejects a message for another receive id', () => {
    const err = (() => {
      try {
        decryptCallback({ ...cfg, receiveId: 'ww-other' }, q, vectors.post.body);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(CallbackReceiveIdError);
    expect((err as CallbackReceiveIdError).receivedId).toBe(vectors.receiveId);
    expect((err as CallbackReceiveIdError).httpStatus).toBe(401);
  });

  function signed(encrypt: string) {
    const { getSignature } = jest.requireActual('@wecom/crypto');
    return { ...q, msg_signature: getSignature(cfg.token, q.timestamp, q.nonce, encrypt) };
  }

  it.each([
    ['not XML', 'not xml at all'],
    ['unclosed XML', '<xml><Encrypt>abc</xml>'],
    ['no Encrypt', '<xml><ToUserName><![CDATA[x]]></ToUserName></xml>'],
    ['empty Encrypt', '<xml><Encrypt><![CDATA[]]></Encrypt></xml>'],
    ['empty body', ''],
  ])('rejects %s with CallbackFormatError', (_n, body) => {
    expect(() => decryptCallback(cfg, q, body)).toThrow(CallbackFormatError);
  });

  it('rejects bad base64 (signed, so it passes the signature check)', () => {
    const bad = 'abc$%^==';
    expect(() => decryptCallback(cfg, signed(bad), `<xml><Encrypt>${bad}</Encrypt></xml>`)).toThrow(CallbackFormatError);
  });

  it('rejects ciphertext that is not a multiple of 32 bytes', () => {
    const short = Buffer.alloc(16, 1).toString('base64');
    expect(() => decryptCallback(cfg, signed(short), `<xml><Encrypt>${short}</Encrypt></xml>`)).toThrow(CallbackFormatError);
  });

  it('rejects bad padding', () => {
    // Arbitrary bytes decrypt to garbage: no valid 32-byte PKCS#7 pad or length field.
    const garbage = Buffer.alloc(64, 7).toString('base64');
    const e = (() => {
      try {
        decryptCallback(cfg, signed(garbage), `<xml><Encrypt>${garbage}</Encrypt></xml>`);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(CallbackFormatError);
    expect((e as CallbackFormatError).httpStatus).toBe(400);
  });

  it('rejects a ciphertext padded to 16 (Node default) instead of 32', () => {
    const { createCipheriv } = jest.requireActual('node:crypto');
    const key = Buffer.from(`${cfg.encodingAESKey}=`, 'base64');
    const msg = Buffer.from('<xml/>');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(msg.length);
    const plain = Buffer.concat([Buffer.alloc(16, 0x61), len, msg, Buffer.from(cfg.receiveId)]);
    // 16 + 4 + 6 + 18 = 44 bytes; Node pads to 48, a valid 16-byte pad that is never a valid 32-byte one.
    const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
    const enc = Buffer.concat([c.update(plain), c.final()]).toString('base64');
    expect(() => decryptCallback(cfg, signed(enc), `<xml><Encrypt>${enc}</Encrypt></xml>`)).toThrow(CallbackFormatError);
  });

  /** Encrypts raw plaintext bytes with a correct 32-byte PKCS#7 pad: every check but the one under test passes. */
  function sealRaw(plain: Buffer): string {
    const { createCipheriv } = jest.requireActual('node:crypto');
    const key = Buffer.from(`${cfg.encodingAESKey}=`, 'base64');
    const pad = 32 - (plain.length % 32);
    const c = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
    c.setAutoPadding(false);
    return Buffer.concat([c.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), c.final()]).toString('base64');
  }
  const lengthOf = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };

  it('rejects a length field longer than the message', () => {
    const enc = sealRaw(Buffer.concat([Buffer.alloc(16, 0x61), lengthOf(1000), Buffer.from('<xml/>'), Buffer.from(cfg.receiveId)]));
    expect(() => decryptCallback(cfg, signed(enc), `<xml><Encrypt>${enc}</Encrypt></xml>`)).toThrow(CallbackFormatError);
  });

  it('rejects a message that is not UTF-8', () => {
    const msg = Buffer.from([0x3c, 0xff, 0xfe, 0x3e]);
    const enc = sealRaw(Buffer.concat([Buffer.alloc(16, 0x61), lengthOf(msg.length), msg, Buffer.from(cfg.receiveId)]));
    expect(() => decryptCallback(cfg, signed(enc), `<xml><Encrypt>${enc}</Encrypt></xml>`)).toThrow(CallbackFormatError);
  });

  it('accepts the same message sealed by hand (the checks above reject only what they name)', () => {
    const msg = Buffer.from('<xml>你好</xml>');
    const enc = sealRaw(Buffer.concat([Buffer.alloc(16, 0x61), lengthOf(msg.length), msg, Buffer.from(cfg.receiveId)]));
    expect(decryptCallback(cfg, signed(enc), `<xml><Encrypt>${enc}</Encrypt></xml>`)).toBe('<xml>你好</xml>');
  });
});
