/**
 * What a family is offered: for each child, the times that really work (the teacher free, the
 * family free, an interpreter free when one is needed), and suggested sequences that put all the
 * children's meetings back to back — walking time allowed between two rooms — spread across the
 * evening so there is a choice of when.
 */
import type { Slot } from './slots';

export interface ChildTimes {
  studentId: string;
  teacherId: string;
  room: string | null;
  /** Free slots that work for everyone needed, in time order. */
  free: readonly Slot[];
  /** Slots next to a meeting the same interpreter already has (keeps their evening compact). */
  nextToInterpreter?: ReadonlySet<number>;
}

export interface SequenceMeeting {
  studentId: string;
  teacherId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface Sequence {
  meetings: SequenceMeeting[];
  /** Minutes the family waits between meetings beyond the walk. */
  waitMinutes: number;
  /** From the first meeting's start to the last one's end. */
  spanMinutes: number;
  /** How many of its meetings sit right next to an interpreter's other meetings. */
  interpreterAdjacent: number;
}

const MINUTE = 60_000;
const MAX_PERMUTED = 5;

/** The gap needed between two meetings: nothing in one room, the walk between two. */
export function gapBetween(roomA: string | null, roomB: string | null, walkMinutes: number): number {
  return roomA !== null && roomA === roomB ? 0 : walkMinutes;
}

/**
 * Suggested sequences for all the children, best first. One suggestion per starting hour (the
 * best of that hour: least waiting, then most interpreter-adjacent, then earliest), so the family
 * sees choices across the evening; suggestions that keep an interpreter's evening compact come
 * first. At most `limit`. Waits longer than `maxWaitMinutes` between two meetings are not offered.
 */
export function suggestSequences(children: readonly ChildTimes[], options: { walkMinutes: number; limit?: number; maxWaitMinutes?: number; timeZoneHour?: (d: Date) => string }): Sequence[] {
  const { walkMinutes, limit = 6, maxWaitMinutes = 40 } = options;
  if (children.length === 0 || children.some((c) => c.free.length === 0)) return [];
  const orders = children.length <= MAX_PERMUTED ? permutations(children) : [children.slice()];
  const found = new Map<string, Sequence>();
  for (const order of orders) {
    const [first, ...rest] = order as [ChildTimes, ...ChildTimes[]];
    first.free.forEach((slot, index) => {
      const meetings: SequenceMeeting[] = [{ studentId: first.studentId, teacherId: first.teacherId, startsAt: slot.startsAt, endsAt: slot.endsAt }];
      let adjacent = first.nextToInterpreter?.has(slot.startsAt.getTime()) ? 1 : 0;
      void index;
      let wait = 0;
      let prev = { child: first, slot };
      for (const child of rest) {
        const earliest = prev.slot.endsAt.getTime() + gapBetween(prev.child.room, child.room, walkMinutes) * MINUTE;
        const next = child.free.find((s) => s.startsAt.getTime() >= earliest && sameSession(s, prev.slot));
        if (!next) return;
        const waited = (next.startsAt.getTime() - earliest) / MINUTE;
        if (waited > maxWaitMinutes) return;
        wait += waited;
        if (child.nextToInterpreter?.has(next.startsAt.getTime())) adjacent += 1;
        meetings.push({ studentId: child.studentId, teacherId: child.teacherId, startsAt: next.startsAt, endsAt: next.endsAt });
        prev = { child, slot: next };
      }
      const sorted = meetings.slice().sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      const key = sorted.map((m) => `${m.studentId}@${m.startsAt.getTime()}`).join('|');
      const spanMinutes = (sorted.at(-1)!.endsAt.getTime() - sorted[0]!.startsAt.getTime()) / MINUTE;
      if (!found.has(key)) found.set(key, { meetings: sorted, waitMinutes: wait, spanMinutes, interpreterAdjacent: adjacent });
    });
  }
  const better = (a: Sequence, b: Sequence) =>
    a.waitMinutes - b.waitMinutes || b.interpreterAdjacent - a.interpreterAdjacent || a.spanMinutes - b.spanMinutes || start(a) - start(b);
  const hourOf = options.timeZoneHour ?? ((d: Date) => d.toISOString().slice(0, 13));
  const bestPerHour = new Map<string, Sequence>();
  for (const s of found.values()) {
    const hour = hourOf(s.meetings[0]!.startsAt);
    const held = bestPerHour.get(hour);
    if (!held || better(s, held) < 0) bestPerHour.set(hour, s);
  }
  return [...bestPerHour.values()]
    .sort((a, b) => Number(b.interpreterAdjacent > 0) - Number(a.interpreterAdjacent > 0) || start(a) - start(b))
    .slice(0, limit);
}

function start(s: Sequence): number {
  return s.meetings[0]!.startsAt.getTime();
}

function sameSession(a: Slot, b: Slot): boolean {
  return a.sessionId === b.sessionId;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Does someone who speaks `languages` hold a conference in `language`? Compared on the primary subtag (pt-BR speaks pt). */
export function speaks(languages: readonly string[], language: string): boolean {
  const want = primary(language);
  return languages.some((l) => primary(l) === want);
}

function primary(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? '';
}

/**
 * Starts of slots right before or after an interpreter's booked meetings (the same grid), for
 * ranking a family's times so one interpreter's meetings sit together.
 */
export function adjacentStarts(slots: readonly Slot[], booked: ReadonlyArray<{ startsAt: Date; endsAt: Date }>, bufferMinutes: number): Set<number> {
  const out = new Set<number>();
  const tolerance = (bufferMinutes + 1) * MINUTE;
  for (const s of slots) {
    for (const b of booked) {
      const before = b.startsAt.getTime() - s.endsAt.getTime();
      const after = s.startsAt.getTime() - b.endsAt.getTime();
      if ((before >= 0 && before <= tolerance) || (after >= 0 && after <= tolerance)) out.add(s.startsAt.getTime());
    }
  }
  return out;
}
