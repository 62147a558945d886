/** What to add and remove to turn `current` into `wanted` (tag ids; order and duplicates ignored). */
export function tagDiff(current: Iterable<string>, wanted: Iterable<string>): { added: string[]; removed: string[] } {
  const have = new Set(current);
  const want = new Set(wanted);
  return {
    added: [...want].filter((t) => !have.has(t)).sort(),
    removed: [...have].filter((t) => !want.has(t)).sort(),
  };
}
