import { supersedes } from './relationship-status';
import { tagDiff } from './tag-diff';

const at = (s: number) => new Date(s * 1000);

describe('supersedes (relationship status by WeCom time)', () => {
  it('applies anything to a relationship never seen', () => {
    expect(supersedes({ status: 'deleted_by_member', at: at(5) }, null)).toBe(true);
  });

  it('lets a later change win and ignores an older one, whatever the processing order', () => {
    const add = { status: 'active' as const, at: at(10) };
    const del = { status: 'deleted_by_customer' as const, at: at(20) };
    expect(supersedes(del, add)).toBe(true);
    expect(supersedes(add, del)).toBe(false);
  });

  it('re-adding after a delete makes the relationship active again', () => {
    expect(supersedes({ status: 'active', at: at(30) }, { status: 'deleted_by_member', at: at(20) })).toBe(true);
  });

  it('breaks a same-second tie towards the delete, in both orders', () => {
    const add = { status: 'active' as const, at: at(10) };
    const del = { status: 'deleted_by_member' as const, at: at(10) };
    expect(supersedes(del, add)).toBe(true);
    expect(supersedes(add, del)).toBe(false);
  });

  it('a replay of the same change is idempotent (applies again, same result)', () => {
    const del = { status: 'deleted_by_member' as const, at: at(10) };
    expect(supersedes(del, del)).toBe(true);
  });
});

describe('tagDiff', () => {
  it('finds added and removed tags', () => {
    expect(tagDiff(['a', 'b'], ['b', 'c', 'd'])).toEqual({ added: ['c', 'd'], removed: ['a'] });
  });

  it('is empty when nothing changed, ignoring order and duplicates', () => {
    expect(tagDiff(['b', 'a'], ['a', 'b', 'a'])).toEqual({ added: [], removed: [] });
  });
});
