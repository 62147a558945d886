import { SyncPhase } from './sync-run.entity';

/** Share of a run's work per phase: customers dominate (one call per 100 relationships). */
const WEIGHT: Record<Exclude<SyncPhase, 'done'>, number> = { staff: 5, tags: 5, customers: 70, group_chats: 20 };
export const PHASES: Array<Exclude<SyncPhase, 'done'>> = ['staff', 'tags', 'customers', 'group_chats'];

/** Percent done, given the phase and how far into it (0..1); never 100 before the run is done. */
export function syncPercent(phase: SyncPhase, within: number): number {
  if (phase === 'done') return 100;
  const before = PHASES.slice(0, PHASES.indexOf(phase)).reduce((n, p) => n + WEIGHT[p], 0);
  return Math.min(99, Math.floor(before + WEIGHT[phase] * Math.max(0, Math.min(1, within))));
}
