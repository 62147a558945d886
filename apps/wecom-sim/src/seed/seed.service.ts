import { Injectable } from '@nestjs/common';
import { CorpPopulator } from '../corps/corp-populator.service';
import { CustomerDto } from '../corps/dto/customer.dto';
import { GroupChatDto } from '../corps/dto/group-chat.dto';
import { MemberDto } from '../corps/dto/member.dto';
import { SeedDto } from '../corps/dto/seed.dto';
import { TagGroupDto } from '../corps/dto/tag-group.dto';
import { CorpState } from '../state/corp-state';
import { CorpStore } from '../state/corp-store';
import { newExternalUserId } from '../state/ids';
import { SimClock } from '../state/sim-clock';
import { CHAT_THEMES, chineseName, customerName, DEPARTMENTS, POSITIONS, TAG_GROUPS } from './names';
import { pick, prng, seedOf } from './prng';

export const DEFAULT_SEED: Required<SeedDto> = { members: 20, customers: 10000, tagGroups: 8, tags: 50, groupChats: 200 };

/** A realistic corp: departments, members, console tags, customers spread over members with tags, group chats. */
@Injectable()
export class SeedService {
  constructor(
    private readonly populate: CorpPopulator,
    private readonly store: CorpStore,
    private readonly clock: SimClock,
  ) {}

  seed(corpId: string, input: SeedDto = {}) {
    const corp = this.store.get(corpId);
    const size = { ...DEFAULT_SEED, ...input };
    const rand = prng(seedOf(corpId) + corp.members.size);
    this.populate.departments(corp, DEPARTMENTS.map((name, i) => ({ id: 2 + i, name, parentid: 1 })));
    const members = this.populate.members(corp, this.members(corp, rand, size.members));
    const tagGroups = this.populate.tagGroups(corp, this.tagGroups(size.tagGroups, size.tags));
    const tagIds = tagGroups.flatMap((g) => g.tags.map((t) => t.id));
    const customers = this.customers(rand, size.customers, members, tagIds);
    this.populate.customers(corp, customers);
    this.populate.groupChats(corp, this.groupChats(rand, size.groupChats, members, customers));
    return {
      corpId,
      members,
      tagGroups: tagGroups.length,
      tags: tagIds.length,
      customers: customers.length,
      relationships: customers.reduce((n, c) => n + (c.followUsers?.length ?? 0), 0),
      groupChats: size.groupChats,
    };
  }

  private members(corp: CorpState, rand: () => number, n: number): MemberDto[] {
    const used = new Set(corp.members.keys());
    return Array.from({ length: n }, () => {
      const { name, pinyin } = chineseName(rand);
      let userid = pinyin;
      for (let i = 2; used.has(userid); i++) userid = `${pinyin}${i}`;
      used.add(userid);
      return { userid, name, department: [2 + Math.floor(rand() * DEPARTMENTS.length)], position: pick(rand, POSITIONS), status: 1 as const };
    });
  }

  /** `tags` tags spread evenly over `groups` groups; names beyond the catalogue get a number. */
  private tagGroups(groups: number, tags: number): TagGroupDto[] {
    if (groups === 0 || tags === 0) return [];
    return Array.from({ length: groups }, (_, g) => {
      const [baseName, names] = TAG_GROUPS[g % TAG_GROUPS.length];
      const groupName = g < TAG_GROUPS.length ? baseName : `${baseName}${Math.floor(g / TAG_GROUPS.length) + 1}`;
      const count = Math.floor(tags / groups) + (g < tags % groups ? 1 : 0);
      return {
        groupName,
        order: groups - g,
        tags: Array.from({ length: count }, (_, i) => ({ name: i < names.length ? names[i] : `${names[i % names.length]}${Math.floor(i / names.length) + 1}` })),
      };
    }).filter((g) => g.tags.length > 0);
  }

  /** Most customers have one member, some two or three; each relationship carries 0..3 tags. */
  private customers(rand: () => number, n: number, members: string[], tagIds: string[]): CustomerDto[] {
    const now = this.clock.nowSec();
    return Array.from({ length: n }, () => {
      const follows = rand() < 0.85 ? 1 : rand() < 0.8 ? 2 : 3;
      const owners = new Set(Array.from({ length: Math.min(follows, members.length) }, () => pick(rand, members)));
      return {
        externalUserId: newExternalUserId(),
        name: customerName(rand),
        type: rand() < 0.95 ? (1 as const) : (2 as const),
        gender: pick(rand, [0, 1, 2] as const),
        followUsers: [...owners].map((userid) => ({
          userid,
          createtime: now - Math.floor(rand() * 365 * 86400),
          addWay: pick(rand, [1, 1, 1, 2, 3, 4, 5]),
          tagIds: tagIds.length ? [...new Set(Array.from({ length: Math.floor(rand() * 4) }, () => pick(rand, tagIds)))] : [],
        })),
      };
    });
  }

  private groupChats(rand: () => number, n: number, members: string[], customers: CustomerDto[]): GroupChatDto[] {
    return Array.from({ length: n }, (_, i) => {
      const owner = pick(rand, members);
      const size = customers.length ? 3 + Math.floor(rand() * 28) : 0;
      const externals = new Set(Array.from({ length: size }, () => pick(rand, customers).externalUserId!));
      return {
        name: `${pick(rand, CHAT_THEMES)}${i + 1}`,
        owner,
        members: [...externals].map((id) => ({ id, type: 2 as const, joinScene: pick(rand, [1, 2, 3]) })),
      };
    });
  }
}
