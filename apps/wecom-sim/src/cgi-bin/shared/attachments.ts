import { Body, obj, str } from './body';
import { fail } from './wecom-error';
import { utf8Bytes } from './utf8-bytes';

export const MAX_ATTACHMENTS = 9;
const TYPES = ['image', 'link', 'miniprogram', 'video', 'file'];

/**
 * Checks welcome / mass-send attachments the way WeCom does: ≤9 (41064), known msgtype with its
 * sub-object (41065), byte limits on titles (40058) and live media ids (40007).
 */
export function validateAttachments(raw: unknown, mediaIsLive: (mediaId: string) => boolean): Body[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) fail(40058, 'attachments must be an array');
  if (raw.length > MAX_ATTACHMENTS) fail(41064);
  return raw.map((a, i) => validateOne(obj(a), i, mediaIsLive));
}

function validateOne(a: Body | undefined, i: number, mediaIsLive: (id: string) => boolean): Body {
  const msgtype = str(a?.msgtype);
  const inner = msgtype ? obj(a?.[msgtype]) : undefined;
  if (!a || !msgtype || !TYPES.includes(msgtype) || !inner) fail(41065, `attachments[${i}]`);
  const media = (field: string, required: boolean) => {
    const id = str(inner[field]);
    if (!id) {
      if (required) fail(40058, `attachments[${i}].${msgtype}.${field} missing`);
      return;
    }
    if (!mediaIsLive(id)) fail(40007, `attachments[${i}].${msgtype}.${field}`);
  };
  switch (msgtype) {
    case 'image':
      if (!str(inner.media_id) && !str(inner.pic_url)) fail(40058, `attachments[${i}].image needs media_id or pic_url`);
      media('media_id', false);
      break;
    case 'link':
      limitBytes(inner.title, 128, `attachments[${i}].link.title`, true);
      limitBytes(inner.desc, 512, `attachments[${i}].link.desc`, false);
      if (!str(inner.url)) fail(40058, `attachments[${i}].link.url missing`);
      break;
    case 'miniprogram':
      limitBytes(inner.title, 64, `attachments[${i}].miniprogram.title`, true);
      media('pic_media_id', true);
      if (!str(inner.appid) || !str(inner.page)) fail(40058, `attachments[${i}].miniprogram needs appid and page`);
      break;
    default:
      media('media_id', true);
  }
  return a;
}

/** 40058 when a text is missing (if required) or longer than maxBytes UTF-8 bytes. */
export function limitBytes(v: unknown, maxBytes: number, field: string, required: boolean): void {
  const text = str(v);
  if (text === undefined || text === '') {
    if (required) fail(40058, `${field} missing`);
    return;
  }
  if (utf8Bytes(text) > maxBytes) fail(40058, `${field} exceeds ${maxBytes} bytes`);
}
