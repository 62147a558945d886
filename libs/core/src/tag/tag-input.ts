import type { TagKind } from './tag.types';

/** WeCom's limit on corp tag and group names (characters). */
export const MAX_CORP_TAG_NAME = 30;

export interface TagInput {
  name: string;
  description?: string;
  order?: number;
}

export type TagPatch = Partial<TagInput>;

export interface TagGroupInput {
  name: string;
  kind: TagKind;
  categoryId?: string | null;
  description?: string;
  order?: number;
  /** null = every role. Only admins may set it. */
  allowedRoles?: string[] | null;
  /** Corp groups need at least one (WeCom has no empty groups). */
  tags?: TagInput[];
}

export type TagGroupPatch = Partial<Omit<TagGroupInput, 'kind' | 'tags'>>;

/** Who asks: their role decides which restricted groups exist for them. */
export interface TagCaller {
  role: string;
}
