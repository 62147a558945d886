import { utf8Bytes } from './utf8-bytes';

describe('utf8Bytes', () => {
  it('counts Chinese as three bytes per character', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('欢迎')).toBe(6);
    expect(utf8Bytes('😀')).toBe(4);
  });
});
