import { Relationship } from './entities/customer';

/** Relationships indexed both ways, so customer reads and member lists stay fast with 10,000+ customers. */
export class RelationshipStore {
  private readonly byCustomer = new Map<string, Map<string, Relationship>>();
  private readonly byMember = new Map<string, Map<string, Relationship>>();

  get(userid: string, externalUserId: string): Relationship | undefined {
    return this.byMember.get(userid)?.get(externalUserId);
  }

  set(rel: Relationship): void {
    this.index(this.byMember, rel.userid, rel.external_userid, rel);
    this.index(this.byCustomer, rel.external_userid, rel.userid, rel);
  }

  delete(userid: string, externalUserId: string): Relationship | undefined {
    const rel = this.get(userid, externalUserId);
    if (!rel) return undefined;
    this.byMember.get(userid)?.delete(externalUserId);
    this.byCustomer.get(externalUserId)?.delete(userid);
    return rel;
  }

  ofCustomer(externalUserId: string): Relationship[] {
    return [...(this.byCustomer.get(externalUserId)?.values() ?? [])];
  }

  ofMember(userid: string): Relationship[] {
    return [...(this.byMember.get(userid)?.values() ?? [])];
  }

  all(): Relationship[] {
    return [...this.byMember.values()].flatMap((m) => [...m.values()]);
  }

  /** Drops a tag from every relationship (the tag was deleted). */
  forgetTag(tagId: string): void {
    for (const m of this.byMember.values()) for (const rel of m.values()) rel.tagIds.delete(tagId);
  }

  private index(map: Map<string, Map<string, Relationship>>, a: string, b: string, rel: Relationship): void {
    let inner = map.get(a);
    if (!inner) map.set(a, (inner = new Map()));
    inner.set(b, rel);
  }
}
