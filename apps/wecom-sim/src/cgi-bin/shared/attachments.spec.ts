import { validateAttachments } from './attachments';
import { WecomError } from './wecom-error';

const live = (id: string) => id.startsWith('live');
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as WecomError).errcode;
  }
  return 0;
};

describe('validateAttachments', () => {
  it('accepts the five kinds', () => {
    expect(
      code(() =>
        validateAttachments(
          [
            { msgtype: 'image', image: { pic_url: 'https://x/y.png' } },
            { msgtype: 'link', link: { title: '标题', url: 'https://x' } },
            { msgtype: 'miniprogram', miniprogram: { title: 't', pic_media_id: 'live1', appid: 'wx1', page: '/p' } },
            { msgtype: 'video', video: { media_id: 'live2' } },
            { msgtype: 'file', file: { media_id: 'live3' } },
          ],
          live,
        ),
      ),
    ).toBe(0);
  });

  it('refuses more than nine (41064)', () => {
    const ten = Array.from({ length: 10 }, () => ({ msgtype: 'image', image: { pic_url: 'u' } }));
    expect(code(() => validateAttachments(ten, live))).toBe(41064);
  });

  it('refuses unknown types or a missing sub-object (41065)', () => {
    expect(code(() => validateAttachments([{ msgtype: 'voice', voice: {} }], live))).toBe(41065);
    expect(code(() => validateAttachments([{ msgtype: 'link' }], live))).toBe(41065);
  });

  it('counts link title in UTF-8 bytes: 43 Chinese characters are 129 bytes', () => {
    const title = '标'.repeat(43);
    expect(code(() => validateAttachments([{ msgtype: 'link', link: { title, url: 'u' } }], live))).toBe(40058);
    const ok = '标'.repeat(42) + 'ab';
    expect(code(() => validateAttachments([{ msgtype: 'link', link: { title: ok, url: 'u' } }], live))).toBe(0);
  });

  it('limits miniprogram title to 64 bytes and link desc to 512', () => {
    const mp = { title: 'a'.repeat(65), pic_media_id: 'live', appid: 'a', page: 'p' };
    expect(code(() => validateAttachments([{ msgtype: 'miniprogram', miniprogram: mp }], live))).toBe(40058);
    const link = { title: 't', url: 'u', desc: 'a'.repeat(513) };
    expect(code(() => validateAttachments([{ msgtype: 'link', link }], live))).toBe(40058);
  });

  it('refuses dead media ids (40007)', () => {
    expect(code(() => validateAttachments([{ msgtype: 'file', file: { media_id: 'dead' } }], live))).toBe(40007);
  });
});
