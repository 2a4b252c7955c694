/**
 * Running late: when one teacher's meetings of one day are expected to start, from what the
 * teacher has pressed (Start, End, "did not come", a corrected start) and the clock. Pure: the
 * meetings and `now` come in, expected times and delays go out.
 *
 * The rules, walking the day in scheduled order with `free` = when the teacher is next free:
 *   - ended: it ran from `startedAt` (the scheduled start if unknown) to `endedAt`; free = endedAt.
 *   - in progress: it began at `startedAt` and is expected to end at max(now, startedAt + its
 *     length) — it has its whole length, and it is never over before now.
 *   - not started, the family did not come (`no_show`): it takes no time.
 *   - not started, but a LATER meeting has already started or ended: the teacher moved on (the
 *     family was late, or Start was not pressed for it). It is "passed over": it takes no time
 *     either, so it does not push everyone else; it is expected whenever the teacher is next free.
 *   - not started otherwise ("waiting"): it starts at max(its scheduled start, free, and now if its
 *     time has passed), and lasts its scheduled length.
 *   Since every meeting keeps its scheduled start as a lower bound, a break (or an unbooked slot)
 *   absorbs delay by itself. A delay is whole minutes, rounded, never below 0.
 *
 * Until the teacher has pressed anything that day (nothing started, ended or marked as not come)
 * there is nothing to go on: every meeting is on schedule (a teacher who never uses Start would
 * otherwise make everyone look later and later), and those whose time is over are not counted as
 * families still before anyone. And for a day that is over (`dayOver`), nothing
 * is projected: unstarted meetings just did not happen.
 *
 * Worked example: Ms Okafor's 20-minute meetings at 16:00 (Amir), 16:20 (Bea), 16:40 (Cai),
 * 17:00 (Dee), a break, then 17:40 (Eli). She pressed Start for Amir at 16:00 and it is 16:32.
 *   Amir  in progress, expected to end max(16:32, 16:20) = 16:32
 *   Bea   waiting: max(16:20, free 16:32, now 16:32) = 16:32 → 12 min late, 1 family before her
 *   Cai   waiting: max(16:40, 16:52)                 = 16:52 → 12 min late, 2 families before
 *   Dee   waiting: max(17:00, 17:12)                 = 17:12 → 12 min late
 *   Eli   waiting: max(17:40, 17:32)                 = 17:40 → on time (the break absorbed it)
 * At 16:36 Amir is still going: Bea 16:36 (16 late), Cai 16:56, Dee 17:16, Eli 17:40.
 * She ends Amir at 16:36 and Bea did not come (no_show): Cai starts max(16:40, 16:36) = 16:40, on
 * time. Had she started Cai at 16:37 without marking Bea, Bea would be passed over instead.
 */

export type ConferenceStatus = 'scheduled' | 'in_progress' | 'ended';

export interface DayMeeting {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: ConferenceStatus;
  startedAt: Date | null;
  endedAt: Date | null;
  attendance: 'attended' | 'no_show' | null;
}

/** How a meeting stands: done, going on, to come, or taking no time (did not come; passed over). */
export type MeetingState = 'ended' | 'in_progress' | 'waiting' | 'no_show' | 'passed_over';

export interface ExpectedMeeting {
  id: string;
  state: MeetingState;
  startsAt: Date;
  endsAt: Date;
  /** When it started (ended, in progress) or is expected to: the scheduled start plus the delay, for one waiting. */
  expectedStartsAt: Date;
  expectedEndsAt: Date;
  /** Minutes after its scheduled start that it started or is expected to (≥ 0, rounded). */
  delayMinutes: number;
  /** Meetings in progress or waiting before this one: "2 families before you". */
  before: number;
}

const MINUTE = 60_000;
const later = (...times: number[]) => Math.max(...times);
const delayOf = (start: number, scheduled: number) => Math.max(0, Math.round((start - scheduled) / MINUTE));

/** The day's meetings in scheduled order, each with when it is (or was) expected. See the module comment. */
export function expectedTimes(meetings: readonly DayMeeting[], now: Date, options: { dayOver?: boolean } = {}): ExpectedMeeting[] {
  const day = [...meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  const t = now.getTime();
  const known = day.some((m) => m.status !== 'scheduled' || m.attendance === 'no_show');
  // Index of the last meeting the teacher has started or ended: unstarted ones before it are passed over.
  let lastStarted = -1;
  day.forEach((m, i) => {
    if (m.status !== 'scheduled') lastStarted = i;
  });

  let free = Number.NEGATIVE_INFINITY;
  let before = 0;
  return day.map((m, i): ExpectedMeeting => {
    const scheduled = m.startsAt.getTime();
    const length = m.endsAt.getTime() - scheduled;
    const at = (state: MeetingState, start: number, end: number, exact = true): ExpectedMeeting => {
      const delayMinutes = delayOf(start, scheduled);
      // A projected start is shown to the minute: the scheduled start plus the rounded delay.
      const shown = exact ? start : scheduled + delayMinutes * MINUTE;
      const result = { id: m.id, state, startsAt: m.startsAt, endsAt: m.endsAt, expectedStartsAt: new Date(shown), expectedEndsAt: new Date(exact ? end : shown + length), delayMinutes, before };
      // With nothing to go on, a meeting whose time is over is taken to be over: it is nobody's "before".
      const over = !known && end <= t;
      if ((state === 'in_progress' || state === 'waiting') && !over) before += 1;
      return result;
    };

    if (m.status === 'ended') {
      const start = m.startedAt?.getTime() ?? scheduled;
      const end = m.endedAt?.getTime() ?? start + length;
      free = later(free, end);
      return at('ended', start, end);
    }
    if (m.status === 'in_progress') {
      const start = m.startedAt?.getTime() ?? scheduled;
      const end = options.dayOver ? start + length : later(t, start + length);
      free = later(free, end);
      return at('in_progress', start, end);
    }
    if (m.attendance === 'no_show') return at('no_show', scheduled, scheduled);
    if (options.dayOver) return at('passed_over', scheduled, scheduled + length);
    if (!known) return at('waiting', scheduled, scheduled + length);
    if (i < lastStarted) {
      const start = later(scheduled, free, t);
      return at('passed_over', start, start + length, false);
    }
    const start = later(scheduled, free, scheduled < t ? t : scheduled);
    free = start + length;
    return at('waiting', start, start + length, false);
  });
}

/**
 * "Running N min late" for the teacher: how late the next meeting to start is expected to begin
 * (0 when none is waiting). In the worked example at 16:32: 12.
 */
export function runningLateMinutes(expected: readonly ExpectedMeeting[]): number {
  return expected.find((m) => m.state === 'waiting')?.delayMinutes ?? 0;
}

/**
 * Whether the family and interpreter of a meeting should be told of its delay now: it is still to
 * come, notices are on (`every` > 0), the delay has reached `every` minutes, and it has grown by
 * `every` since they were last told. With every = 10: told at 12; not again at 15 or 21; again at 22.
 */
export function noticeDue(m: Pick<ExpectedMeeting, 'state' | 'delayMinutes'>, every: number, lastTold: number): boolean {
  return m.state === 'waiting' && every > 0 && m.delayMinutes >= every && m.delayMinutes >= lastTold + every;
}

/**
 * How many minutes from now a notice could first become due, if every delay grows at most as fast
 * as the clock (each one is a maximum of `now`, fixed times and ends that grow no faster): when to
 * look again while a conference runs on. Null when no notice can come from waiting longer.
 */
export function minutesToNextNotice(expected: readonly ExpectedMeeting[], rules: ReadonlyMap<string, { every: number; lastTold: number }>): number | null {
  let soonest: number | null = null;
  for (const m of expected) {
    const rule = rules.get(m.id);
    if (m.state !== 'waiting' || !rule || rule.every <= 0) continue;
    const due = Math.max(rule.every, rule.lastTold + rule.every) - m.delayMinutes;
    soonest = soonest === null ? due : Math.min(soonest, due);
  }
  return soonest === null ? null : Math.max(1, soonest);
}
