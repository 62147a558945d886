import { ConflictException, Injectable } from '@nestjs/common';
import { CorpState, newCorpState } from '../state/corp-state';
import { CorpStore } from '../state/corp-store';
import { SimClock } from '../state/sim-clock';
import { CorpPopulator } from './corp-populator.service';
import { CallbackDto } from './dto/callback.dto';
import { CorpOptionsDto } from './dto/corp-options.dto';
import { CreateCorpDto } from './dto/create-corp.dto';
import { MemberDto } from './dto/member.dto';

@Injectable()
export class CorpsService {
  constructor(
    private readonly store: CorpStore,
    private readonly populate: CorpPopulator,
    private readonly clock: SimClock,
  ) {}

  create(dto: CreateCorpDto) {
    if (this.store.has(dto.corpId)) throw new ConflictException(`corp ${dto.corpId} already exists`);
    const corp = newCorpState({ corpId: dto.corpId, corpSecret: dto.corpSecret, agentId: dto.agentId, callback: dto.callback, options: definedOnly(dto.options) });
    this.populate.departments(corp, dto.departments ?? []);
    const members = this.populate.members(corp, dto.members ?? []);
    const tags = this.populate.tagGroups(corp, dto.tags ?? []);
    const customers = this.populate.customers(corp, dto.customers ?? []);
    const groupChats = this.populate.groupChats(corp, dto.groupChats ?? []);
    this.store.add(corp);
    return { corpId: corp.corpId, agentId: corp.agentId, members, tags, customers, groupChats, options: corp.options };
  }

  summary(corp: CorpState) {
    return {
      corpId: corp.corpId,
      agentId: corp.agentId,
      callback: corp.callback ?? null,
      options: corp.options,
      counts: {
        departments: corp.departments.size,
        members: corp.members.size,
        customers: corp.customers.size,
        relationships: corp.relationships.all().length,
        contactWays: corp.contactWays.size,
        tagGroups: corp.tagGroups.size,
        tags: corp.tags.size,
        groupChats: corp.groupChats.size,
        deliveries: corp.deliveries.length,
      },
    };
  }

  list() {
    return this.store.list().map((c) => ({ corpId: c.corpId, agentId: c.agentId }));
  }

  setCallback(corpId: string, dto: CallbackDto) {
    const corp = this.store.get(corpId);
    corp.callback = { url: dto.url, token: dto.token, encodingAESKey: dto.encodingAESKey };
    return { corpId, callback: corp.callback };
  }

  setOptions(corpId: string, dto: CorpOptionsDto) {
    const corp = this.store.get(corpId);
    Object.assign(corp.options, definedOnly(dto));
    return corp.options;
  }

  upsertMembers(corpId: string, members: MemberDto[]) {
    return { members: this.populate.members(this.store.get(corpId), members) };
  }

  delete(corpId: string) {
    this.store.get(corpId);
    this.store.delete(corpId);
    return { deleted: corpId };
  }

  /** WeCom may invalidate tokens before expires_in: every token of the corp dies now. */
  expireTokens(corpId: string) {
    this.store.get(corpId);
    return { expired: this.store.expireTokens(corpId, this.clock.now()) };
  }
}

function definedOnly<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
