import { Body, num, str } from '../shared/body';
import { charLength } from '../shared/char-length';
import { fail } from '../shared/wecom-error';

export const MAX_WAY_MEMBERS = 100;
export const MAX_STATE_CHARS = 30;
export const MAX_REMARK_CHARS = 30;
/** Mini-program widget styles WeCom documents (1..3); anything else is 41042. */
const STYLES = [1, 2, 3];

/** type and scene of add_contact_way: 41037/41038 when missing, 41039/41040 when not 1 or 2. */
export function checkTypeAndScene(body: Body): { type: 1 | 2; scene: 1 | 2 } {
  const type = num(body.type);
  const scene = num(body.scene);
  if (type === undefined) fail(41037);
  if (scene === undefined) fail(41038);
  if (type !== 1 && type !== 2) fail(41039);
  if (scene !== 1 && scene !== 2) fail(41040);
  return { type, scene };
}

export function checkStyle(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  const style = num(v);
  if (style === undefined || !STYLES.includes(style)) fail(41042);
  return style;
}

/** state and remark are limited to 30 characters (40058). */
export function checkShortText(v: unknown, field: string, max: number): string | undefined {
  if (v === undefined || v === null) return undefined;
  const text = str(v);
  if (text === undefined) fail(40058, `${field} must be a string`);
  if (charLength(text) > max) fail(40058, `${field} exceeds ${max} characters`);
  return text;
}

/** type 1 takes exactly one user and no party; type 2 needs a user or a party. */
export function checkMembersForType(type: 1 | 2, users: string[], parties: number[]): void {
  if (type === 1 && (users.length !== 1 || parties.length > 0)) fail(40058, 'type 1 takes exactly one user and no party');
  if (type === 2 && users.length === 0 && parties.length === 0) fail(40058, 'user or party required');
}
