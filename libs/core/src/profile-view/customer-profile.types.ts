/** The 360° view of one customer, as GET /api/v1/customers/:ref/profile answers it. */
export interface CustomerProfile {
  customer: {
    id: string;
    externalUserId: string;
    unionid: string | null;
    name: string;
    avatar: string;
    type: number | null;
    gender: number | null;
    corpName: string | null;
    corpFullName: string | null;
    position: string | null;
    firstSeenAt: string;
    lastSeenAt: string;
  };
  /** Custom attributes that have a value, labelled by their definitions. */
  attributes: Array<{ key: string; label: string; type: string; value: unknown }>;
  /** category → group → tags; groups hidden from the caller's role are left out. */
  tags: Array<{ category: { id: string; name: string; path: string } | null; groups: ProfileTagGroup[] }>;
  relationships: ProfileRelationship[];
  channels: { first: ProfileChannel | null; latest: ProfileChannel | null };
  groups: Array<{ chatId: string; name: string; owner: string; status: string; joinedAt: string | null; joinScene: number | null }>;
  /** Filled by PROFILE_SECTIONS providers (the SOP engine); placeholders until one is registered. */
  sop: { enrollments: unknown[]; tasks: unknown[] };
  timeline: TimelinePage;
}

export interface ProfileTagGroup {
  id: string;
  name: string;
  kind: string;
  tags: Array<{ id: string; name: string; kind: string; weight: number; source: string; setAt: string }>;
}

export interface ProfileRelationship {
  userId: string;
  memberName: string;
  remark: string;
  description: string;
  addWay: number | null;
  state: string | null;
  status: string;
  addedAt: string | null;
  channel: ProfileChannel | null;
}

export interface ProfileChannel {
  id: string;
  name: string;
  at?: string;
}

export interface TimelineItem {
  /** 'system': a timeline_entries row (WeCom and our own changes); 'event': a reported behaviour event. */
  source: 'system' | 'event';
  id: string;
  type: string;
  occurredAt: string;
  userId: string | null;
  data: Record<string, unknown>;
}

export interface TimelinePage {
  items: TimelineItem[];
  /** Pass as `before` for the next (older) page; null when there is none. */
  nextCursor: string | null;
}
