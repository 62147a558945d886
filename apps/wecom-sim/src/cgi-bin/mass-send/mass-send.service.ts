import { Injectable } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { Relationship } from '../../state/entities/customer';
import { MassSend, MassSendTarget } from '../../state/entities/mass-send';
import { newMsgId } from '../../state/ids';
import { SimClock } from '../../state/sim-clock';
import { validateAttachments } from '../shared/attachments';
import { Body, num, obj, str, strList } from '../shared/body';
import { page } from '../shared/cursor';
import { fail } from '../shared/wecom-error';
import { MediaService } from '../media/media.service';

const MAX_EXTERNAL_USERIDS = 10_000;
const MAX_CHAT_IDS = 2_000;
const ONE_MONTH_SEC = 31 * 86400;

/** 群发: add_msg_template only creates tasks; nothing reaches a customer until the member confirms. */
@Injectable()
export class MassSendService {
  constructor(
    private readonly clock: SimClock,
    private readonly media: MediaService,
  ) {}

  add(corp: CorpState, body: Body) {
    const chatType = str(body.chat_type) ?? 'single';
    if (chatType !== 'single' && chatType !== 'group') fail(40058, 'chat_type must be single or group');
    const content = str(obj(body.text)?.content);
    const attachments = validateAttachments(body.attachments, (id) => this.media.isLive(corp, id));
    if (!content && attachments.length === 0) fail(40058, 'text and attachments cannot both be empty');
    const externalIds = strList(body.external_userid);
    const chatIds = strList(body.chat_id_list);
    if ((externalIds?.length ?? 0) > MAX_EXTERNAL_USERIDS) fail(40058, 'external_userid exceeds 10000');
    if ((chatIds?.length ?? 0) > MAX_CHAT_IDS) fail(40058, 'chat_id_list exceeds 2000');
    const sender = str(body.sender);
    if (chatType === 'group' && !sender) fail(40058, 'sender is required for group mass sends');
    if (sender && !corp.members.has(sender)) fail(60111, `sender ${sender}`);

    const failList: string[] = [];
    const targets: MassSendTarget[] =
      chatType === 'single'
        ? this.singleTargets(corp, externalIds, sender, obj(body.tag_filter), failList)
        : this.groupTargets(corp, chatIds, sender!, failList);
    const msg: MassSend = {
      msgid: newMsgId(),
      chat_type: chatType,
      creator: sender,
      create_time: this.clock.nowSec(),
      createdAtMs: this.clock.now(),
      text: content ? { content } : undefined,
      attachments,
      fail_list: failList,
      tasks: [...new Set(targets.map((t) => t.userid))].map((userid) => ({ userid, status: 0 })),
      targets,
    };
    corp.massSends.set(msg.msgid, msg);
    return { fail_list: failList, msgid: msg.msgid };
  }

  task(corp: CorpState, body: Body) {
    const msg = this.find(corp, body.msgid, 'task_list');
    const limit = this.limit(body.limit, 1000, 'task_list');
    const { items, next_cursor } = page(msg.tasks, body.cursor, limit);
    return { task_list: items.map((t) => ({ userid: t.userid, status: t.status, ...(t.send_time ? { send_time: t.send_time } : {}) })), next_cursor };
  }

  /** 41063 while results are "being generated" (corp option sendResultDelaySec, default 0). */
  sendResult(corp: CorpState, body: Body) {
    const msg = this.find(corp, body.msgid, 'send_list');
    if (this.clock.now() - msg.createdAtMs < corp.options.sendResultDelaySec * 1000) fail(41063, undefined, { send_list: [] });
    const userid = str(body.userid);
    if (!userid) fail(40058, 'userid required', { send_list: [] });
    const limit = this.limit(body.limit, 1000, 'send_list');
    const rows = msg.targets.filter((t) => t.userid === userid);
    const { items, next_cursor } = page(rows, body.cursor, limit);
    return {
      send_list: items.map((t) => ({
        ...(t.external_userid ? { external_userid: t.external_userid } : {}),
        ...(t.chat_id ? { chat_id: t.chat_id } : {}),
        userid: t.userid,
        status: t.status,
        ...(t.send_time ? { send_time: t.send_time } : {}),
      })),
      next_cursor,
    };
  }

  /** Templates made through the API are create_type 0 (by the corp); filter_type 1 (personal) finds none. */
  listV2(corp: CorpState, body: Body) {
    const chatType = str(body.chat_type);
    const start = num(body.start_time);
    const end = num(body.end_time);
    if (chatType !== 'single' && chatType !== 'group') fail(40058, 'chat_type must be single or group', { group_msg_list: [] });
    if (start === undefined || end === undefined || end < start) fail(40058, 'start_time and end_time required', { group_msg_list: [] });
    if (end - start > ONE_MONTH_SEC) fail(40058, 'time span exceeds one month', { group_msg_list: [] });
    const limit = this.limit(body.limit, 100, 'group_msg_list', 50);
    const creator = str(body.creator);
    const filterType = num(body.filter_type) ?? 2;
    const msgs = [...corp.massSends.values()].filter(
      (m) => m.chat_type === chatType && m.create_time >= start && m.create_time <= end && (!creator || m.creator === creator) && filterType !== 1,
    );
    const { items, next_cursor } = page(msgs, body.cursor, limit);
    return {
      group_msg_list: items.map((m) => ({
        msgid: m.msgid,
        creator: m.creator ?? '',
        create_time: String(m.create_time),
        create_type: 0,
        ...(m.text ? { text: m.text } : {}),
        attachments: m.attachments,
      })),
      next_cursor,
    };
  }

  find(corp: CorpState, msgid: unknown, listField: string): MassSend {
    const msg = corp.massSends.get(str(msgid) ?? '');
    if (!msg) fail(40058, 'invalid msgid', { [listField]: [] });
    return msg;
  }

  private limit(v: unknown, max: number, listField: string, fallback = max): number {
    const limit = num(v) ?? fallback;
    if (limit < 1 || limit > max) fail(40058, `limit must be 1..${max}`, { [listField]: [] });
    return limit;
  }

  /** Each customer goes to one member: the sender if given, else the member who added them first. */
  private singleTargets(corp: CorpState, ids: string[] | undefined, sender: string | undefined, tagFilter: Body | undefined, failList: string[]): MassSendTarget[] {
    const candidates = ids ?? (sender ? corp.relationships.ofMember(sender).map((r) => r.external_userid) : [...corp.customers.keys()]);
    const targets: MassSendTarget[] = [];
    for (const ext of new Set(candidates)) {
      const rels = sender
        ? [corp.relationships.get(sender, ext)].filter((r): r is Relationship => !!r)
        : corp.relationships.ofCustomer(ext).sort((a, b) => a.createtime - b.createtime);
      const rel = rels.find((r) => matchesTagFilter(r, tagFilter));
      if (!rel) {
        if (ids) failList.push(ext);
        continue;
      }
      targets.push({ userid: rel.userid, external_userid: ext, status: 0 });
    }
    return targets;
  }

  private groupTargets(corp: CorpState, chatIds: string[] | undefined, sender: string, failList: string[]): MassSendTarget[] {
    const ids = chatIds ?? [...corp.groupChats.values()].filter((c) => c.owner === sender && !c.dismissed).map((c) => c.chat_id);
    const targets: MassSendTarget[] = [];
    for (const id of ids) {
      const chat = corp.groupChats.get(id);
      if (!chat || chat.dismissed || chat.owner !== sender) failList.push(id);
      else targets.push({ userid: sender, chat_id: id, status: 0 });
    }
    return targets;
  }
}

/** tag_filter.group_list: every group must match, by any one of its tags. */
function matchesTagFilter(rel: Relationship, filter: Body | undefined): boolean {
  const groups = Array.isArray(filter?.group_list) ? filter.group_list : [];
  return groups.every((g) => {
    const tags = strList(obj(g)?.tag_list) ?? [];
    return tags.length === 0 || tags.some((t) => rel.tagIds.has(t));
  });
}
