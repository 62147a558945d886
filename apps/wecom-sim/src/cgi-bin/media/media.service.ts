import { Injectable } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { randomAlnum } from '../../state/ids';
import { SimClock } from '../../state/sim-clock';
import { fail } from '../shared/wecom-error';

const TYPES = ['image', 'voice', 'video', 'file'];
/** A temporary media_id lives 3 days. */
export const MEDIA_TTL_SEC = 3 * 86400;

@Injectable()
export class MediaService {
  constructor(private readonly clock: SimClock) {}

  upload(corp: CorpState, type: string | undefined, file: { originalname?: string; size?: number } | undefined) {
    if (!type || !TYPES.includes(type)) fail(40004);
    if (!file) fail(41005);
    const media = {
      media_id: `3${randomAlnum(63)}`,
      type,
      created_at: this.clock.nowSec(),
      filename: file.originalname ?? 'media',
      size: file.size ?? 0,
    };
    corp.media.set(media.media_id, media);
    // WeCom sends created_at as a string.
    return { type, media_id: media.media_id, created_at: String(media.created_at) };
  }

  isLive(corp: CorpState, mediaId: string): boolean {
    const media = corp.media.get(mediaId);
    return !!media && this.clock.nowSec() < media.created_at + MEDIA_TTL_SEC;
  }
}
