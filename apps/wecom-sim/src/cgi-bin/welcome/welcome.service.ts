import { Injectable } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { SimClock } from '../../state/sim-clock';
import { validateAttachments } from '../shared/attachments';
import { Body, obj, str } from '../shared/body';
import { utf8Bytes } from '../shared/utf8-bytes';
import { fail } from '../shared/wecom-error';
import { MediaService } from '../media/media.service';

/** welcome_code dies 20 s after the add. */
export const WELCOME_CODE_TTL_MS = 20_000;
export const MAX_WELCOME_TEXT_BYTES = 4000;

@Injectable()
export class WelcomeService {
  constructor(
    private readonly clock: SimClock,
    private readonly media: MediaService,
  ) {}

  send(corp: CorpState, body: Body) {
    const code = str(body.welcome_code);
    if (!code) fail(41049);
    const issued = corp.welcomeCodes.get(code);
    const now = this.clock.now();
    if (!issued || issued.used || now - issued.issuedAtMs > WELCOME_CODE_TTL_MS) fail(41050);
    if (issued.alreadyChatting) fail(41051);
    const text = obj(body.text);
    const content = str(text?.content);
    if (content !== undefined && utf8Bytes(content) > MAX_WELCOME_TEXT_BYTES) fail(40058, 'text.content exceeds 4000 bytes');
    const attachments = validateAttachments(body.attachments, (id) => this.media.isLive(corp, id));
    if (!content && attachments.length === 0) fail(40058, 'text and attachments cannot both be empty');
    issued.used = true;
    corp.welcomeMessages.push({
      welcome_code: code,
      userid: issued.userid,
      external_userid: issued.external_userid,
      text: content ? { content } : undefined,
      attachments,
      sentAt: now,
    });
    return {};
  }
}
