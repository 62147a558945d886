import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { Deliverer } from '../callbacks/deliverer.service';
import { contactEventXml } from '../callbacks/events';
import { avatarUrl } from '../corps/corp-populator.service';
import { customerName } from '../seed/names';
import { CorpState } from '../state/corp-state';
import { CorpStore } from '../state/corp-store';
import { Customer, Relationship } from '../state/entities/customer';
import { expandMembers } from '../state/expand-members';
import { newExternalUserId, randomAlnum } from '../state/ids';
import { SimClock } from '../state/sim-clock';
import { ContactPairDto, MemberDeletesCustomerDto, TransferFailDto } from './dto/contact-pair.dto';
import { MemberEditsCustomerDto } from './dto/member-edits-customer.dto';
import { ScanDto } from './dto/scan.dto';
import { pickRandom } from './pick-random';

/** Things customers and members do in the WeCom apps, each followed by the callback WeCom would send. */
@Injectable()
export class ContactScenarios {
  constructor(
    private readonly store: CorpStore,
    private readonly clock: SimClock,
    private readonly deliverer: Deliverer,
  ) {}

  /**
   * A customer scans contact way X: a member of X (after expanding departments) is picked at random, the
   * relationship is created with add_way 1 and the way's state, and a one-time WelcomeCode valid 20 s is issued.
   */
  async scan(corpId: string, dto: ScanDto, wait: boolean) {
    const corp = this.store.get(corpId);
    const way = corp.contactWays.get(dto.configId);
    if (!way) throw new NotFoundException(`no contact way ${dto.configId}`);
    const candidates = expandMembers(corp, way.user, way.party).filter((u) => corp.members.get(u)?.status === 1);
    if (dto.userId && !candidates.includes(dto.userId)) throw new BadRequestException(`${dto.userId} is not an active member of contact way ${way.config_id}`);
    const userId = dto.userId ?? pickRandom(candidates);
    if (!userId) throw new BadRequestException(`contact way ${way.config_id} has no active member`);

    const customer = this.customerFor(corp, dto);
    const nowSec = this.clock.nowSec();
    // The customer started the add, so oper_userid is the customer's id.
    corp.relationships.set({
      userid: userId,
      external_userid: customer.external_userid,
      remark: '',
      description: '',
      createtime: nowSec,
      tagIds: new Set(),
      remark_mobiles: [],
      oper_userid: customer.external_userid,
      add_way: 1,
      state: way.state || undefined,
    });
    let welcomeCode: string | undefined;
    if (!dto.noWelcomeCode) {
      welcomeCode = randomAlnum(43);
      corp.welcomeCodes.set(welcomeCode, {
        code: welcomeCode,
        userid: userId,
        external_userid: customer.external_userid,
        issuedAtMs: this.clock.now(),
        used: false,
        alreadyChatting: dto.alreadyChatting ?? false,
      });
    }
    const xml = contactEventXml(corp.corpId, nowSec, dto.half ? 'add_half_external_contact' : 'add_external_contact', {
      userId,
      externalUserId: customer.external_userid,
      state: way.state,
      welcomeCode,
    });
    const sent = await this.deliverer.emit(corp, xml, wait);
    return { externalUserId: customer.external_userid, userId, welcomeCode: welcomeCode ?? null, state: way.state, ...sent };
  }

  /** The customer deletes the member: del_follow_user. The relationship (and its tags) goes. */
  async customerDeletesMember(corpId: string, dto: ContactPairDto, wait: boolean) {
    const corp = this.store.get(corpId);
    this.relationship(corp, dto);
    corp.relationships.delete(dto.userId, dto.externalUserId);
    return this.deliverer.emit(corp, contactEventXml(corp.corpId, this.clock.nowSec(), 'del_follow_user', dto), wait);
  }

  /** The member deletes the customer: del_external_contact, Source=DELETE_BY_TRANSFER after a transfer. */
  async memberDeletesCustomer(corpId: string, dto: MemberDeletesCustomerDto, wait: boolean) {
    const corp = this.store.get(corpId);
    this.relationship(corp, dto);
    corp.relationships.delete(dto.userId, dto.externalUserId);
    const xml = contactEventXml(corp.corpId, this.clock.nowSec(), 'del_external_contact', {
      ...dto,
      source: dto.byTransfer ? 'DELETE_BY_TRANSFER' : undefined,
    });
    return this.deliverer.emit(corp, xml, wait);
  }

  /** The member edits remark, description, mobiles or tags in the app: edit_external_contact. */
  async memberEditsCustomer(corpId: string, dto: MemberEditsCustomerDto, wait: boolean) {
    const corp = this.store.get(corpId);
    const rel = this.relationship(corp, dto);
    for (const id of [...(dto.addTags ?? []), ...(dto.removeTags ?? [])]) {
      if (!corp.tags.has(id)) throw new BadRequestException(`no tag ${id}`);
    }
    if (dto.remark !== undefined) rel.remark = dto.remark;
    if (dto.description !== undefined) rel.description = dto.description;
    if (dto.remarkMobiles !== undefined) rel.remark_mobiles = dto.remarkMobiles;
    for (const id of dto.addTags ?? []) rel.tagIds.add(id);
    for (const id of dto.removeTags ?? []) rel.tagIds.delete(id);
    return this.deliverer.emit(corp, contactEventXml(corp.corpId, this.clock.nowSec(), 'edit_external_contact', dto), wait);
  }

  /** A transfer of the customer to userId failed; nothing changes hands. */
  async transferFail(corpId: string, dto: TransferFailDto, wait: boolean) {
    const corp = this.store.get(corpId);
    if (!corp.members.has(dto.userId)) throw new NotFoundException(`no member ${dto.userId}`);
    if (!corp.customers.has(dto.externalUserId)) throw new NotFoundException(`no customer ${dto.externalUserId}`);
    const xml = contactEventXml(corp.corpId, this.clock.nowSec(), 'transfer_fail', { ...dto, failReason: dto.reason });
    return this.deliverer.emit(corp, xml, wait);
  }

  private relationship(corp: CorpState, dto: ContactPairDto): Relationship {
    const rel = corp.relationships.get(dto.userId, dto.externalUserId);
    if (!rel) throw new NotFoundException(`no relationship between ${dto.userId} and ${dto.externalUserId}`);
    return rel;
  }

  private customerFor(corp: CorpState, dto: ScanDto): Customer {
    const existing = dto.externalUserId ? corp.customers.get(dto.externalUserId) : undefined;
    if (existing) return existing;
    const p = dto.customer ?? {};
    const customer: Customer = {
      external_userid: dto.externalUserId ?? newExternalUserId(),
      name: p.name ?? customerName(Math.random),
      avatar: avatarUrl(),
      type: p.type ?? 1,
      gender: p.gender ?? 0,
      unionid: p.unionid,
      position: p.position,
      corp_name: p.corpName,
      corp_full_name: p.corpName,
    };
    corp.customers.set(customer.external_userid, customer);
    return customer;
  }
}
