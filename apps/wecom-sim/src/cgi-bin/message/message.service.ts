import { Injectable } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { newMsgId, randomAlnum } from '../../state/ids';
import { MinuteHourWindow } from '../../state/rate-window';
import { SimClock } from '../../state/sim-clock';
import { Body, num, obj, str } from '../shared/body';
import { utf8Bytes } from '../shared/utf8-bytes';
import { fail } from '../shared/wecom-error';

const MAX_RECIPIENTS = 1000;

/** Byte limits per msgtype field; over the limit is 45002 "content size out of limit". */
const LIMITS: Record<string, Record<string, number>> = {
  text: { content: 2048 },
  textcard: { title: 128, description: 512 },
  markdown: { content: 2048 },
};
const REQUIRED: Record<string, string[]> = {
  text: ['content'],
  textcard: ['title', 'description', 'url'],
  markdown: ['content'],
  template_card: ['card_type'],
};

@Injectable()
export class MessageService {
  constructor(private readonly clock: SimClock) {}

  /**
   * Per member ≤30/min and ≤1,000/hour (corp options). Beyond that WeCom still answers ok and the
   * message silently vanishes: it is recorded here as dropped.
   */
  send(corp: CorpState, body: Body) {
    const touser = str(body.touser) ?? '';
    const users = touser === '@all' ? [...corp.members.values()].filter((m) => m.status === 1).map((m) => m.userid) : touser.split('|').filter(Boolean);
    if (users.length === 0) fail(40058, 'touser required');
    if (users.length > MAX_RECIPIENTS) fail(40058, 'touser exceeds 1000');
    if (num(body.agentid) !== corp.agentId) fail(40056);
    const msgtype = str(body.msgtype);
    if (!msgtype || !REQUIRED[msgtype]) fail(40008);
    this.checkContent(msgtype, obj(body[msgtype]));

    const valid = users.filter((u) => corp.members.get(u)?.status === 1);
    const invalid = users.filter((u) => !valid.includes(u));
    if (valid.length === 0) fail(81013, undefined, { invaliduser: invalid.join('|') });
    const msgid = newMsgId();
    const now = this.clock.now();
    for (const userid of valid) {
      const dropped = !this.windowOf(corp, userid).hit(now, corp.options.appMessagesPerMemberMinute, corp.options.appMessagesPerMemberHour);
      corp.appMessages.push({ msgid, userid, msgtype, agentid: corp.agentId, body, sentAt: now, dropped });
    }
    return {
      invaliduser: invalid.join('|'),
      msgid,
      ...(msgtype === 'template_card' ? { response_code: randomAlnum(40) } : {}),
    };
  }

  private checkContent(msgtype: string, inner: Body | undefined): void {
    if (!inner) fail(40058, `${msgtype} required`);
    for (const field of REQUIRED[msgtype]) if (!str(inner[field])) fail(40058, `${msgtype}.${field} required`);
    for (const [field, max] of Object.entries(LIMITS[msgtype] ?? {})) {
      const text = str(inner[field]);
      if (text && utf8Bytes(text) > max) fail(45002, `${msgtype}.${field} exceeds ${max} bytes`);
    }
  }

  private windowOf(corp: CorpState, userid: string): MinuteHourWindow {
    let w = corp.appMessageWindows.get(userid);
    if (!w) corp.appMessageWindows.set(userid, (w = new MinuteHourWindow()));
    return w;
  }
}
