import { Injectable } from '@nestjs/common';
import { apiName } from '../faults/api-name';
import { groupWire } from '../cgi-bin/corp-tag/corp-tag.service';
import { CorpState } from '../state/corp-state';

/** Read-only views of what the backend made WeCom do, for assertions. */
@Injectable()
export class InspectionService {
  welcomeMessages(corp: CorpState) {
    return corp.welcomeMessages;
  }

  massSends(corp: CorpState) {
    return [...corp.massSends.values()].map(({ createdAtMs: _ms, ...m }) => m);
  }

  appMessages(corp: CorpState, userid?: string) {
    const list = corp.appMessages.filter((m) => !userid || m.userid === userid);
    return { delivered: list.filter((m) => !m.dropped).length, dropped: list.filter((m) => m.dropped).length, messages: list };
  }

  relationships(corp: CorpState, externalUserId?: string, userid?: string) {
    const rels = externalUserId ? corp.relationships.ofCustomer(externalUserId) : userid ? corp.relationships.ofMember(userid) : corp.relationships.all();
    return rels
      .filter((r) => !userid || r.userid === userid)
      .map((r) => ({
        ...r,
        tagIds: [...r.tagIds],
        tags: [...r.tagIds].map((id) => ({ id, name: corp.tags.get(id)?.name })),
        customerName: corp.customers.get(r.external_userid)?.name,
      }));
  }

  contactWays(corp: CorpState) {
    return [...corp.contactWays.values()];
  }

  tags(corp: CorpState) {
    return [...corp.tagGroups.values()].map((g) => ({
      ...groupWire(g, [...corp.tags.values()].filter((t) => t.group_id === g.group_id)),
      createdBy: g.createdBy,
    }));
  }

  groupChats(corp: CorpState) {
    return [...corp.groupChats.values()];
  }

  /** Counts per API and errcode, and every call with its time (ms), for rate and retry measurements. */
  calls(corp: CorpState, api?: string, sinceMs?: number) {
    const name = api ? apiName(api) : undefined;
    const calls = corp.calls.filter((c) => (!name || c.api === name) && (!sinceMs || c.at >= sinceMs));
    const byApi: Record<string, number> = {};
    const byErrcode: Record<string, number> = {};
    for (const c of calls) {
      byApi[c.api] = (byApi[c.api] ?? 0) + 1;
      byErrcode[c.errcode] = (byErrcode[c.errcode] ?? 0) + 1;
    }
    return { total: calls.length, byApi, byErrcode, first: calls[0]?.at ?? null, last: calls.at(-1)?.at ?? null, calls };
  }
}
