import { GroupCommit } from './group-commit';

/** A write whose completion the test controls: each call is recorded with the items it got. */
function controlledWrite() {
  const calls: { items: number[]; finish: (err?: Error) => void }[] = [];
  const write = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      calls.push({ items, finish: (err) => (err ? reject(err) : resolve(items.map((i) => `r${i}`))) });
    });
  return { calls, write };
}

const settled = () => new Promise((r) => setImmediate(r));

describe('GroupCommit', () => {
  it('writes at once when nothing is in flight: no timer, no wait for company', () => {
    const { calls, write } = controlledWrite();
    void new GroupCommit(write, { maxBatch: 10, maxInFlight: 1 }).submit(1);
    expect(calls.map((c) => c.items)).toEqual([[1]]);
  });

  it('writes what arrived during a write together in the next one, each caller getting its own result', async () => {
    const { calls, write } = controlledWrite();
    const commits = new GroupCommit(write, { maxBatch: 10, maxInFlight: 1 });
    const results = [1, 2, 3, 4].map((i) => commits.submit(i));
    expect(calls.map((c) => c.items)).toEqual([[1]]);
    calls[0].finish();
    await settled();
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3, 4]]);
    calls[1].finish();
    expect(await Promise.all(results)).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('caps a write at maxBatch; the rest go in the following one', async () => {
    const { calls, write } = controlledWrite();
    const commits = new GroupCommit(write, { maxBatch: 2, maxInFlight: 1 });
    [1, 2, 3, 4, 5, 6].forEach((i) => void commits.submit(i));
    calls[0].finish();
    await settled();
    calls[1].finish();
    await settled();
    calls[2].finish();
    await settled();
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3], [4, 5], [6]]);
  });

  it('fails every item of a failed write, and only those', async () => {
    const { calls, write } = controlledWrite();
    const commits = new GroupCommit(write, { maxBatch: 10, maxInFlight: 1 });
    const outcome = (p: Promise<string>) => p.then((r) => r, (e: Error) => e.message);
    const results = [1, 2, 3].map((i) => outcome(commits.submit(i)));
    calls[0].finish();
    await settled();
    const later = outcome(commits.submit(4));
    calls[1].finish(new Error('connection lost'));
    await settled();
    calls[2].finish();
    expect(await Promise.all([...results, later])).toEqual(['r1', 'connection lost', 'connection lost', 'r4']);
  });

  it('refuses a write that answers a different number of results than it got items', async () => {
    const commits = new GroupCommit(async (items: number[]) => items.slice(1), { maxBatch: 10, maxInFlight: 1 });
    await expect(commits.submit(1)).rejects.toThrow('0 results for 1 items');
  });

  it('keeps up to maxInFlight writes going at once', () => {
    const { calls, write } = controlledWrite();
    const commits = new GroupCommit(write, { maxBatch: 10, maxInFlight: 2 });
    [1, 2, 3].forEach((i) => void commits.submit(i));
    expect(calls.map((c) => c.items)).toEqual([[1], [2]]);
  });
});
