import type { AudienceMatcher, AudienceRule } from '@scrm/core';

/** The names (keys of `ids`) of the customers a rule matches, checked through count, page and filter alike. */
export async function matchedNames(m: AudienceMatcher, tenantId: string, ids: Record<string, string>, rule: AudienceRule): Promise<string[]> {
  const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  const paged = await m.page(tenantId, rule, null, 100);
  expect(await m.count(tenantId, rule)).toBe(paged.length);
  expect([...(await m.filter(tenantId, rule, Object.values(ids)))].sort()).toEqual([...paged].sort());
  return paged.map((id) => names.get(id)!).sort();
}
