import { FirstStepsInFlight } from './first-steps-in-flight';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('FirstStepsInFlight: follow-ups wait for a quiet moment', () => {
  it('lets a follow-up start at once when no first step runs', async () => {
    await expect(new FirstStepsInFlight().quiet()).resolves.toBeUndefined();
  });

  it('holds follow-ups while any first step runs, and a little after the last one ends', async () => {
    const steps = new FirstStepsInFlight();
    const ends: Array<() => void> = [];
    const running = [0, 1].map(() => steps.track(() => new Promise<void>((r) => ends.push(r))));
    let started = false;
    const followUp = steps.quiet().then(() => (started = true));
    ends[0]();
    await tick(60);
    expect(started).toBe(false); // the other first step still runs
    ends[1]();
    await Promise.all(running);
    expect(started).toBe(false); // Bull fetching the next job leaves a gap: not yet
    await followUp;
    expect(started).toBe(true);
  });

  it('a first step starting in the gap keeps follow-ups waiting', async () => {
    const steps = new FirstStepsInFlight();
    let endFirst!: () => void;
    const first = steps.track(() => new Promise<void>((r) => (endFirst = r)));
    let started = false;
    void steps.quiet().then(() => (started = true));
    endFirst();
    await first;
    let endNext!: () => void;
    const next = steps.track(() => new Promise<void>((r) => (endNext = r)));
    await tick(60);
    expect(started).toBe(false);
    endNext();
    await next;
    await tick(60);
    expect(started).toBe(true);
  });

  it('passes on the first step’s result and error', async () => {
    const steps = new FirstStepsInFlight();
    await expect(steps.track(async () => 'done')).resolves.toBe('done');
    await expect(steps.track(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(steps.quiet()).resolves.toBeUndefined();
  });
});
