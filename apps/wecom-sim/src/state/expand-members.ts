import { CorpState } from './corp-state';

/** Department ids under (and including) the given one. */
export function departmentTree(corp: CorpState, root: number): Set<number> {
  const ids = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of corp.departments.values()) {
      if (ids.has(d.parentid) && !ids.has(d.id)) {
        ids.add(d.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Members named directly plus the active members of the parties (and their sub-departments), without repeats. */
export function expandMembers(corp: CorpState, users: string[], parties: number[]): string[] {
  const out = new Set(users);
  for (const party of parties) {
    const tree = departmentTree(corp, party);
    for (const m of corp.members.values()) {
      if (m.status === 1 && m.department.some((d) => tree.has(d))) out.add(m.userid);
    }
  }
  return [...out];
}
