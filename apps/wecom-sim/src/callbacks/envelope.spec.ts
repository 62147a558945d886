import { decrypt, getSignature } from '@wecom/crypto';
import { sealCallback, withQuery } from './envelope';

const cb = { token: 'QDG6eK', encodingAESKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C' };

describe('sealCallback', () => {
  it('encrypts for the corp and signs Encrypt', () => {
    const sealed = sealCallback(cb, 'ww1', 1000002, '<xml>hi</xml>', '1700000000', '42');
    const encrypted = /<Encrypt><!\[CDATA\[(.*)\]\]><\/Encrypt>/.exec(sealed.body)![1];
    expect(sealed.query.msg_signature).toBe(getSignature(cb.token, '1700000000', '42', encrypted));
    expect(decrypt(cb.encodingAESKey, encrypted)).toMatchObject({ message: '<xml>hi</xml>', id: 'ww1' });
    expect(sealed.body).toMatch(/^<xml><ToUserName><!\[CDATA\[ww1\]\]><\/ToUserName><AgentID><!\[CDATA\[1000002\]\]><\/AgentID><Encrypt>/);
  });

  it('keeps the receiver url query and adds ours', () => {
    expect(withQuery('http://h/cb/t1?x=1', { nonce: 'a b' })).toBe('http://h/cb/t1?x=1&nonce=a+b');
  });
});
