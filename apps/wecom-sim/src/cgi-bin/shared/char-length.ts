/** Limits written in "characters" (remark, state, tag names) count Unicode code points, not bytes. */
export function charLength(text: string): number {
  return [...text].length;
}
