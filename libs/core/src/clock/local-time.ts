import { DateTime } from 'luxon';

export interface LocalMoment {
  /** yyyy-MM-dd in the tenant's time zone. */
  date: string;
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

/** The last answer per time zone: every add asks for the current minute, and luxon's zone conversion is not cheap. */
const lastMoment = new Map<string, { minute: number; moment: LocalMoment }>();

/** Where `at` falls on the tenant's wall clock: daily limits, schedules and welcome windows all use this. */
export function localMoment(at: Date, timeZone: string): LocalMoment {
  // Since 1972 every zone's offset is a whole number of minutes, so one UTC minute is one local minute.
  const minute = Math.floor(at.getTime() / 60_000);
  const hit = lastMoment.get(timeZone);
  if (hit && hit.minute === minute) return { ...hit.moment };
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const moment = { date: local.toISODate() as string, weekday: local.weekday, minutes: local.hour * 60 + local.minute };
  lastMoment.set(timeZone, { minute, moment });
  return { ...moment };
}

/** "09:30" → 570; "24:00" → 1440 (a slot may end at midnight). */
export function parseHhmm(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** True when `minutes` lies in [start, end); a slot whose end is before its start runs past midnight. */
export function inSlot(minutes: number, start: string, end: string): boolean {
  const s = parseHhmm(start);
  const e = parseHhmm(end);
  return s <= e ? minutes >= s && minutes < e : minutes >= s || minutes < e;
}

export const HHMM_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
