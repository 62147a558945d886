import { fieldError } from '@scrm/platform';
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

/** What of a patch lives in WeCom for corp tags and groups (edit_corp_tag takes name and order). */
export function wecomFields(patch: { name?: string; order?: number }): { name?: string; order?: number } {
  return { ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.order !== undefined ? { order: patch.order } : {}) };
}

export function checkCorpName(name: string, field: string): void {
  if ([...name].length > MAX_CORP_TAG_NAME) throw fieldError(field, `WeCom allows at most ${MAX_CORP_TAG_NAME} characters`);
}

export function assertUniqueNames(names: string[], field: string): void {
  const seen = new Set<string>();
  names.forEach((n, i) => {
    if (seen.has(n)) throw fieldError(`${field}.${i}`, `'${n}' appears twice`);
    seen.add(n);
  });
}
