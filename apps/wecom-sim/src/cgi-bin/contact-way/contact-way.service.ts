import { Injectable } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { ContactWay } from '../../state/entities/contact-way';
import { expandMembers } from '../../state/expand-members';
import { newConfigId, randomAlnum } from '../../state/ids';
import { SimClock } from '../../state/sim-clock';
import { bool, Body, num, str, strList } from '../shared/body';
import { page } from '../shared/cursor';
import { fail } from '../shared/wecom-error';
import {
  checkMembersForType,
  checkShortText,
  checkStyle,
  checkTypeAndScene,
  MAX_REMARK_CHARS,
  MAX_STATE_CHARS,
  MAX_WAY_MEMBERS,
} from './contact-way.rules';

const NINETY_DAYS = 90 * 86400;

@Injectable()
export class ContactWayService {
  constructor(private readonly clock: SimClock) {}

  add(corp: CorpState, body: Body) {
    const { type, scene } = checkTypeAndScene(body);
    const style = checkStyle(body.style);
    const remark = checkShortText(body.remark, 'remark', MAX_REMARK_CHARS) ?? '';
    const state = checkShortText(body.state, 'state', MAX_STATE_CHARS) ?? '';
    const user = strList(body.user) ?? [];
    const party = (strList(body.party) ?? []).map(Number);
    this.checkMembers(corp, type, user, party);
    const isTemp = bool(body.is_temp, false);
    const way: ContactWay = {
      config_id: newConfigId(),
      type,
      scene,
      style,
      remark,
      skip_verify: bool(body.skip_verify, true),
      state,
      // Only QR-code ways (scene 2) get a picture.
      qr_code: scene === 2 ? `https://wework.qpic.cn/wwpic/${randomAlnum(6)}_${randomAlnum(16)}/0` : undefined,
      user,
      party,
      is_temp: isTemp,
      expires_in: isTemp ? num(body.expires_in) ?? 7 * 86400 : undefined,
      chat_expires_in: isTemp ? num(body.chat_expires_in) ?? 86400 : undefined,
      unionid: str(body.unionid),
      is_exclusive: bool(body.is_exclusive, false),
      conclusions: body.conclusions,
      createdAt: this.clock.nowSec(),
    };
    corp.contactWays.set(way.config_id, way);
    return way.qr_code ? { config_id: way.config_id, qr_code: way.qr_code } : { config_id: way.config_id };
  }

  /** user and party, when given, replace the lists. */
  update(corp: CorpState, body: Body) {
    const way = this.find(corp, body.config_id);
    const style = body.style === undefined ? way.style : checkStyle(body.style);
    const remark = checkShortText(body.remark, 'remark', MAX_REMARK_CHARS) ?? way.remark;
    const state = checkShortText(body.state, 'state', MAX_STATE_CHARS) ?? way.state;
    const user = strList(body.user) ?? way.user;
    const party = strList(body.party)?.map(Number) ?? way.party;
    this.checkMembers(corp, way.type, user, party);
    Object.assign(way, { style, remark, state, user, party, skip_verify: bool(body.skip_verify, way.skip_verify) });
    if (body.expires_in !== undefined && way.is_temp) way.expires_in = num(body.expires_in);
    if (body.chat_expires_in !== undefined && way.is_temp) way.chat_expires_in = num(body.chat_expires_in);
    if (body.unionid !== undefined) way.unionid = str(body.unionid);
    if (body.conclusions !== undefined) way.conclusions = body.conclusions;
    return {};
  }

  get(corp: CorpState, body: Body) {
    return { contact_way: toWire(this.find(corp, body.config_id)) };
  }

  del(corp: CorpState, body: Body) {
    const way = this.find(corp, body.config_id);
    corp.contactWays.delete(way.config_id);
    return {};
  }

  /** Without start_time WeCom lists the last 90 days. */
  list(corp: CorpState, body: Body) {
    const limit = num(body.limit) ?? 100;
    if (limit < 1 || limit > 1000) fail(40058, 'limit must be 1..1000', { contact_way: [] });
    const end = num(body.end_time) ?? this.clock.nowSec();
    const start = num(body.start_time) ?? end - NINETY_DAYS;
    const ways = [...corp.contactWays.values()].filter((w) => w.createdAt >= start && w.createdAt <= end);
    const { items, next_cursor } = page(ways, body.cursor, limit);
    return { contact_way: items.map((w) => ({ config_id: w.config_id })), next_cursor };
  }

  find(corp: CorpState, configId: unknown): ContactWay {
    const id = str(configId);
    if (!id) fail(41043);
    const way = corp.contactWays.get(id);
    if (!way) fail(41044);
    return way;
  }

  /** Users must exist and be active (41054), parties must exist, ≤100 members after expanding departments (41041). */
  private checkMembers(corp: CorpState, type: 1 | 2, user: string[], party: number[]): void {
    checkMembersForType(type, user, party);
    for (const userid of user) {
      const m = corp.members.get(userid);
      if (!m) fail(60111, `userid ${userid}`);
      if (m.status !== 1) fail(41054, `userid ${userid}`);
    }
    for (const p of party) if (!corp.departments.has(p)) fail(60123, `party ${p}`);
    if (expandMembers(corp, user, party).length > MAX_WAY_MEMBERS) fail(41041);
  }
}

function toWire(w: ContactWay) {
  const { createdAt: _createdAt, ...wire } = w;
  return wire;
}
