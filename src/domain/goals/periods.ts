/**
 * Report periods as goals see them: which one a new goal targets by default, which one follows
 * another, and when one has ended — all on the school's calendar (its time zone), with dates as
 * `YYYY-MM-DD` (a period runs from the start of `startsOn` to the end of `endsOn`, local time).
 *
 * Worked example (Riverside, Europe/London: Autumn 2 Sep–18 Dec 2026, Spring 5 Jan–26 Mar 2027,
 * Summer 12 Apr–21 Jul 2027):
 *   today 1 Dec 2026 (in Autumn)            → a new goal targets Spring ("the next one")
 *   today 24 Dec 2026 (in no period)        → Spring, the first to start after today
 *   today 1 Jun 2027 (in Summer, the last)  → none: the goal has no target period yet
 *   Autumn has ended                        → from 19 Dec 2026 00:00 London time (18 Dec 23:59 is
 *                                              still Autumn, though it is already 19 Dec in Seoul)
 */
import { DateTime } from 'luxon';

export interface PeriodDates {
  id: string;
  startsOn: string;
  endsOn: string;
}

/** Periods in calendar order: by first day, then last day, then id (so ties always fall the same way). */
export function inCalendarOrder<P extends PeriodDates>(periods: readonly P[]): P[] {
  return [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn) || a.id.localeCompare(b.id));
}

/**
 * The period today is in. If periods overlap and today is in several, the one that started last:
 * "the next one" must then be later than all the periods already under way.
 */
export function periodContaining<P extends PeriodDates>(periods: readonly P[], today: string): P | null {
  return inCalendarOrder(periods).filter((p) => p.startsOn <= today && today <= p.endsOn).at(-1) ?? null;
}

/** The first period that starts after `period` starts (the one that follows it), or null. */
export function periodAfter<P extends PeriodDates>(periods: readonly P[], period: PeriodDates): P | null {
  return inCalendarOrder(periods).find((p) => p.startsOn > period.startsOn) ?? null;
}

/**
 * The report period a new goal targets unless someone chooses another: the first that starts after
 * the period containing today — or, when today is in none (a holiday), the first that starts after
 * today; null when there is none.
 */
export function defaultTargetPeriod<P extends PeriodDates>(periods: readonly P[], today: string): P | null {
  const current = periodContaining(periods, today);
  if (current) return periodAfter(periods, current);
  return inCalendarOrder(periods).find((p) => p.startsOn > today) ?? null;
}

/** A period has ended once its last day is over on the school's calendar. */
export function periodHasEnded(period: Pick<PeriodDates, 'endsOn'>, today: string): boolean {
  return today > period.endsOn;
}

/** Today's date on the school's calendar. */
export function schoolToday(now: Date, timeZone: string): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate() as string;
}

/** The moment a period ends: midnight after its last day, in the school's time zone. */
export function periodEndsAt(period: Pick<PeriodDates, 'endsOn'>, timeZone: string): Date {
  return DateTime.fromISO(period.endsOn, { zone: timeZone }).plus({ days: 1 }).startOf('day').toJSDate();
}

/**
 * The period a child's goals open on: the current one if the child has goals there, else the first
 * later one that has (goals set at the conference target the next period), else the current one,
 * else the next. Example: on 1 December, Ava has goals only in Spring → Spring.
 */
export function periodToShow<P extends PeriodDates>(periods: readonly P[], today: string, goalCount: (periodId: string) => number): P | null {
  const current = periodContaining(periods, today);
  const ordered = inCalendarOrder(periods);
  const from = current ? ordered.indexOf(current) : ordered.findIndex((p) => p.startsOn > today);
  if (from >= 0) {
    const withGoals = ordered.slice(from).find((p) => goalCount(p.id) > 0);
    if (withGoals) return withGoals;
  }
  return current ?? defaultTargetPeriod(periods, today) ?? ordered.at(-1) ?? null;
}

/**
 * The period a goal set for a conference round targets: the one after the period the round looks
 * back on (if it has not ended), else the next one as for any goal.
 *   Autumn round (reviews Autumn) → Spring; Spring round (reviews Spring) → Summer.
 */
export function targetPeriodForRound<P extends PeriodDates & { id: string }>(periods: readonly P[], today: string, reviewedPeriodId: string | null): P | null {
  const reviewed = reviewedPeriodId ? periods.find((p) => p.id === reviewedPeriodId) : undefined;
  const after = reviewed ? periodAfter(periods, reviewed) : null;
  return after && !periodHasEnded(after, today) ? after : defaultTargetPeriod(periods, today);
}
