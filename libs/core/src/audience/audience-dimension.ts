/** What an audience can be broken down by (analysis), side by side with all customers. */
export const DIMENSION_KINDS = ['tag_group', 'gender', 'channel', 'staff', 'month_added', 'lifecycle'] as const;
export type DimensionKind = (typeof DIMENSION_KINDS)[number];
export type AudienceDimension = { kind: 'tag_group'; id: string } | { kind: Exclude<DimensionKind, 'tag_group'> };

/** One bucket: `value` is null for customers outside every bucket (no tag of the group, no channel). */
export interface DimensionRow {
  value: string | null;
  label: string;
  audience: number;
  all: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Accepts 'gender' or { kind: 'gender' } or { kind: 'tag_group', id }; answers an error message otherwise. */
export function parseDimension(input: unknown): AudienceDimension | string {
  const d = typeof input === 'string' ? { kind: input } : input;
  if (typeof d !== 'object' || d === null || Array.isArray(d)) return `must be one of ${DIMENSION_KINDS.join(', ')} or { kind: 'tag_group', id }`;
  const { kind, id, ...rest } = d as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `unknown field ${Object.keys(rest)[0]}`;
  if (!DIMENSION_KINDS.includes(kind as DimensionKind)) return `kind must be one of ${DIMENSION_KINDS.join(', ')}`;
  if (kind === 'tag_group') return typeof id === 'string' && UUID.test(id) ? { kind, id } : 'tag_group needs the id of a tag group';
  if (id !== undefined) return `${String(kind)} takes no id`;
  return { kind: kind as Exclude<DimensionKind, 'tag_group'> };
}
