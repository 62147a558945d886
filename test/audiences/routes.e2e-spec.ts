import { SavedAudiencesService } from '@scrm/core';
import { bearer, createTenant, TestTenant, userWithRole } from '../support/factories';
import { startSystem, TestSystem } from '../support/test-system';
import { ProfileSeed } from './seed';

/** The audience routes: count, sample, list, export, analysis and saved audiences, per role and per tenant. */
describe('Audience routes', () => {
  let sys: TestSystem;
  let t: TestTenant;
  let other: TestTenant;
  let admin: { Authorization: string };
  let viewer: { Authorization: string };
  let marketer: { Authorization: string };
  let seed: ProfileSeed;
  let level: string;
  let gold: string;
  let silver: string;
  let secret: string;
  let secretGroup: string;
  let poster: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sys = await startSystem();
    t = await createTenant(sys);
    other = await createTenant(sys);
    admin = bearer(t.adminToken);
    viewer = await userWithRole(sys, t, 'viewer');
    marketer = await userWithRole(sys, t, 'marketer');
    seed = ProfileSeed.of(sys, t.id);
    level = await seed.tagGroup('Level');
    gold = await seed.tag(level, 'gold');
    silver = await seed.tag(level, 'silver');
    secretGroup = await seed.tagGroup('Risk', { allowedRoles: ['admin'] });
    secret = await seed.tag(secretGroup, 'blacklist');
    await seed.attribute('city', 'string');
    await seed.staff('zhangsan', 'Zhang San');
    await seed.staff('lisi', 'Li Si');
    poster = await seed.channel('Poster');
    ids.ann = await seed.customer('Ann, "the first"', {
      gender: 2,
      tags: { [gold]: 1 },
      attributes: { city: '=cmd()' },
      channelId: poster,
      addedAt: new Date('2026-01-05T00:00:00Z'),
    });
    ids.ben = await seed.customer('Ben', { gender: 1, tags: { [gold]: 1, [secret]: 1 }, staff: 'lisi', addedAt: new Date('2026-01-20T00:00:00Z') });
    ids.cat = await seed.customer('Cat', { gender: 2, tags: { [silver]: 1 }, addedAt: new Date('2026-02-03T00:00:00Z') });
    ids.dan = await seed.customer('Dan', { addedAt: new Date('2026-02-10T00:00:00Z') });
    ids.gone = await seed.customer('Gone', { tags: { [gold]: 1 }, status: 'deleted_by_member' });
  });
  afterAll(() => sys.close());

  const post = (path: string, body: object, auth = admin) => sys.http().post(`/api/v1/audiences${path}`).set(auth).send(body);

  it('counts, samples and lists the reachable customers a rule selects', async () => {
    expect((await post('/count', { rule: { tag: gold } }, viewer)).body).toEqual({ count: 2 });
    const sample = await post('/sample', { rule: { not: { tag: gold } }, n: 100 }, viewer);
    expect(sample.status).toBe(200);
    expect(sample.body.items.map((c: { name: string }) => c.name).sort()).toEqual(['Cat', 'Dan']);
    expect((await post('/sample', { rule: { not: { tag: gold } }, n: 1 })).body.items).toHaveLength(1);

    const first = await post('/list', { rule: { or: [{ tag: gold }, { tag: silver }] }, limit: 2 });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBe(first.body.items[1].id);
    const second = await post('/list', { rule: { or: [{ tag: gold }, { tag: silver }] }, limit: 2, cursor: first.body.nextCursor });
    expect(second.body.items.map((c: { id: string }) => c.id)).toEqual([[ids.ann, ids.ben, ids.cat].sort()[2]]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('answers a bad rule with a 400 naming the path, and limits with a 400 naming the field', async () => {
    const bad = await post('/count', { rule: { and: [{ tag: gold }, { attribute: 'shoe', op: 'eq', value: 1 }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'rule.and[1].attribute', errors: ['unknown attribute'] }]);
    const many = await post('/sample', { rule: { tag: gold }, n: 101 });
    expect(many.status).toBe(400);
    expect(many.body.message).toContain('n');
    expect((await post('/list', { rule: { tag: gold }, limit: 201 })).status).toBe(400);
    expect((await post('/count', { rule: 'tag' })).body.details[0].field).toBe('rule');
  });

  it("a tag hidden from the caller's role is unknown to its rules", async () => {
    const res = await post('/count', { rule: { not: { tag: secret } } }, viewer);
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('rule.not.tag');
    expect((await post('/count', { rule: { not: { tag: secret } } }, admin)).body).toEqual({ count: 3 });
  });

  it('exports CSV with a header, one line per customer, quoted and formula-safe', async () => {
    const res = await post('/export', { rule: { tag: gold } }, marketer).buffer(true).parse((r, cb) => {
      let text = '';
      r.on('data', (c: Buffer) => (text += c.toString()));
      r.on('end', () => cb(null, text));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = (res.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,external_userid,name,gender,type,corp_name,position,first_seen_at,last_seen_at,city');
    expect(lines).toHaveLength(3);
    const ann = lines.find((l) => l.startsWith(ids.ann))!;
    expect(ann).toContain(`"Ann, ""the first"""`);
    expect(ann.endsWith(",'=cmd()")).toBe(true);
    expect((await post('/export', { rule: { tag: gold } }, viewer)).status).toBe(403);
  });

  it('analyses an audience over gender, staff, channel, month added and a tag group beside all customers', async () => {
    const rule = { or: [{ tag: gold }, { tag: silver }] };
    const rows = async (dimension: unknown) => {
      const res = await post('/analysis', { rule, dimension }, viewer);
      expect(res.status).toBe(200);
      // Ties in size come back in any order.
      return [...res.body.rows].sort((a: { all: number; value: string | null }, b: { all: number; value: string | null }) => b.all - a.all || String(a.value).localeCompare(String(b.value)));
    };
    expect(await rows('gender')).toEqual([
      { value: '2', label: 'female', audience: 2, all: 2 },
      { value: '0', label: 'unknown', audience: 0, all: 1 },
      { value: '1', label: 'male', audience: 1, all: 1 },
    ]);
    expect(await rows({ kind: 'staff' })).toEqual([
      { value: 'zhangsan', label: 'Zhang San', audience: 2, all: 3 },
      { value: 'lisi', label: 'Li Si', audience: 1, all: 1 },
    ]);
    expect(await rows('channel')).toEqual([
      { value: null, label: '(none)', audience: 2, all: 3 },
      { value: poster, label: 'Poster', audience: 1, all: 1 },
    ]);
    expect(await rows('month_added')).toEqual([
      { value: '2026-01', label: '2026-01', audience: 2, all: 2 },
      { value: '2026-02', label: '2026-02', audience: 1, all: 2 },
    ]);
    expect(await rows({ kind: 'tag_group', id: level })).toEqual([
      { value: gold, label: 'gold', audience: 2, all: 2 },
      ...[
        { value: null, label: '(none)', audience: 0, all: 1 },
        { value: silver, label: 'silver', audience: 1, all: 1 },
      ].sort((a, b) => String(a.value).localeCompare(String(b.value))),
    ]);
  });

  it('refuses an unknown dimension, a hidden tag group, and lifecycle before lifecycle tags exist', async () => {
    const analyse = (dimension: unknown, auth = viewer) => post('/analysis', { rule: { tag: gold }, dimension }, auth);
    expect((await analyse('shoe')).body.details[0].field).toBe('dimension');
    expect((await analyse({ kind: 'tag_group', id: secretGroup })).body.details[0].field).toBe('dimension.id');
    expect((await analyse({ kind: 'tag_group', id: secretGroup }, admin)).status).toBe(200);
    const lifecycle = await analyse('lifecycle');
    expect(lifecycle.status).toBe(400);
    expect(lifecycle.body.details[0].field).toBe('dimension');
    const rule = await sys.http().post('/api/v1/tag-rules').set(marketer).send({ name: 'Stages', definition: { kind: 'lifecycle', purchaseEventType: 'order' } });
    expect(rule.status).toBe(201);
    const returning = await seed.tag(rule.body.groupId, 'returning', 'computed');
    await seed.tagCustomer(ids.ann, returning, 1, 'rule');
    expect((await analyse('lifecycle')).body.rows).toEqual([
      { value: null, label: '(none)', audience: 1, all: 3 },
      { value: returning, label: 'returning', audience: 1, all: 1 },
    ]);
  });

  it('saves audiences with their count, refreshes the count on demand and hourly', async () => {
    const created = await post('', { name: 'Gold', rule: { tag: gold } }, marketer);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Gold', rule: { tag: gold }, count: 2 });
    const id = created.body.id;
    expect((await sys.http().get('/api/v1/audiences').set(viewer)).body.map((a: { id: string }) => a.id)).toContain(id);

    await seed.tagCustomer(ids.dan, gold);
    expect((await sys.http().get(`/api/v1/audiences/${id}`).set(viewer)).body.count).toBe(2);
    const refreshed = await post(`/${id}/refresh`, {}, marketer);
    expect(refreshed.body.count).toBe(3);
    expect(new Date(refreshed.body.countedAt).getTime()).toBeGreaterThan(new Date(created.body.countedAt).getTime());

    await seed.tagCustomer(ids.cat, gold);
    await sys.api.get(SavedAudiencesService).refreshAll();
    expect((await sys.http().get(`/api/v1/audiences/${id}`).set(viewer)).body.count).toBe(4);

    const patched = await sys.http().patch(`/api/v1/audiences/${id}`).set(marketer).send({ rule: { tag: silver } });
    expect(patched.body).toMatchObject({ name: 'Gold', count: 1 });
    const badPatch = await sys.http().patch(`/api/v1/audiences/${id}`).set(marketer).send({ rule: { or: [{ tag: 'x' }] } });
    expect(badPatch.body.details[0].field).toBe('rule.or[0].tag');
    expect((await sys.http().get(`/api/v1/audiences/${id}`).set(viewer)).body.rule).toEqual({ tag: silver });

    expect((await sys.http().delete(`/api/v1/audiences/${id}`).set(marketer)).status).toBe(204);
    expect((await sys.http().get(`/api/v1/audiences/${id}`).set(viewer)).status).toBe(404);
  });

  it("never shows or changes another tenant's audiences or customers", async () => {
    const mine = await post('', { name: 'Mine', rule: { tag: gold } });
    const theirs = bearer(other.adminToken);
    expect((await sys.http().get(`/api/v1/audiences/${mine.body.id}`).set(theirs)).status).toBe(404);
    expect((await sys.http().patch(`/api/v1/audiences/${mine.body.id}`).set(theirs).send({ name: 'x' })).status).toBe(404);
    expect((await sys.http().post(`/api/v1/audiences/${mine.body.id}/refresh`).set(theirs)).status).toBe(404);
    expect((await sys.http().delete(`/api/v1/audiences/${mine.body.id}`).set(theirs)).status).toBe(404);
    expect((await sys.http().get('/api/v1/audiences').set(theirs)).body).toEqual([]);
    // Their rule naming our tag: unknown to them, and our customers never counted.
    const res = await post('/count', { rule: { tag: gold } }, theirs);
    expect(res.body.details[0].field).toBe('rule.tag');
    expect((await post('/count', { rule: { attribute: 'name', op: 'exists' } }, theirs)).body).toEqual({ count: 0 });
    expect((await post('/count', { rule: { attribute: 'name', op: 'exists' } })).body).toEqual({ count: 4 });
  });
});
