import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { quotaLeft } from '../cgi-bin/mass-send/monthly-quota';
import { CorpStore } from '../state/corp-store';
import { SimClock } from '../state/sim-clock';

/**
 * The member confirms their part of a mass send in the WeCom app. Per target: 1 sent, 2 not a friend
 * (relationship gone, or the chat dismissed), 3 the customer's monthly quota is used up. No callback.
 * Ignoring a mass send is doing nothing: its targets stay at status 0.
 */
@Injectable()
export class MassSendScenarios {
  constructor(
    private readonly store: CorpStore,
    private readonly clock: SimClock,
  ) {}

  confirm(corpId: string, msgid: string, userid: string) {
    const corp = this.store.get(corpId);
    const msg = corp.massSends.get(msgid);
    if (!msg) throw new NotFoundException(`no mass send ${msgid}`);
    const task = msg.tasks.find((t) => t.userid === userid);
    if (!task) throw new BadRequestException(`${userid} has nothing to send in ${msgid}`);
    if (task.status === 2) throw new BadRequestException(`${userid} already confirmed ${msgid}`);
    const nowMs = this.clock.now();
    const nowSec = this.clock.nowSec();
    const targets = msg.targets.filter((t) => t.userid === userid);
    for (const t of targets) {
      if (t.chat_id) {
        const chat = corp.groupChats.get(t.chat_id);
        t.status = chat && !chat.dismissed ? 1 : 2;
      } else if (!corp.relationships.get(userid, t.external_userid!)) {
        t.status = 2;
      } else {
        const receipts = corp.massSendReceipts.get(t.external_userid!) ?? [];
        if (quotaLeft(receipts, nowMs, corp.options.massSendMonthlyQuota) <= 0) {
          t.status = 3;
        } else {
          t.status = 1;
          receipts.push(nowMs);
          corp.massSendReceipts.set(t.external_userid!, receipts);
        }
      }
      if (t.status === 1) t.send_time = nowSec;
    }
    task.status = 2;
    task.send_time = nowSec;
    return { msgid, userid, results: targets };
  }
}
