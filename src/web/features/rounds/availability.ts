/**
 * A teacher's or interpreter's own times in a round, as the set-up page edits them: per session,
 * the whole of it (the default), part of it (one or more from–to windows), or not at all. The API
 * takes `null` for "every session, whole", else a flat list of windows
 * (`[{ sessionId, start, end }]`; a session with no window is one the person is not there for).
 *
 * Worked example, sessions A 15:30–19:00 and B 15:30–19:00:
 *   null                                   ⇄ A whole, B whole
 *   [{A 15:30–19:00}]                      ⇄ A whole, B not at all
 *   [{A 15:30–19:00}, {B 16:00–17:30}]     ⇄ A whole, B part (16:00–17:30)
 */
export interface SessionTimes {
  id: string;
  startTime: string;
  endTime: string;
}
export type Window = { start: string; end: string };
export type Availability = Array<{ sessionId: string; start: string; end: string }> | null;
export type SessionChoice = { mode: 'whole' | 'part' | 'none'; windows: Window[] };
/** Session id → the choice for it. */
export type AvailabilityDraft = Record<string, SessionChoice>;

export function draftOf(sessions: readonly SessionTimes[], availability: Availability): AvailabilityDraft {
  const draft: AvailabilityDraft = {};
  for (const s of sessions) {
    const whole = { start: s.startTime, end: s.endTime };
    if (availability === null) {
      draft[s.id] = { mode: 'whole', windows: [whole] };
      continue;
    }
    const windows = availability.filter((a) => a.sessionId === s.id).map((a) => ({ start: a.start, end: a.end }));
    if (windows.length === 0) draft[s.id] = { mode: 'none', windows: [whole] };
    else if (windows.length === 1 && windows[0]!.start === s.startTime && windows[0]!.end === s.endTime) draft[s.id] = { mode: 'whole', windows };
    else draft[s.id] = { mode: 'part', windows };
  }
  return draft;
}

/**
 * What to send, and for each entry sent, which session and window it came from (so a field error
 * `availability.3.end` can be shown next to the right "to" box).
 */
export function availabilityOf(sessions: readonly SessionTimes[], draft: AvailabilityDraft): { value: Availability; sources: Array<{ sessionId: string; window: number }> } {
  const choices = sessions.map((s) => ({ s, c: draft[s.id] ?? { mode: 'whole' as const, windows: [] } }));
  if (choices.every(({ c }) => c.mode === 'whole')) return { value: null, sources: [] };
  const value: NonNullable<Availability> = [];
  const sources: Array<{ sessionId: string; window: number }> = [];
  for (const { s, c } of choices) {
    if (c.mode === 'whole') {
      value.push({ sessionId: s.id, start: s.startTime, end: s.endTime });
      sources.push({ sessionId: s.id, window: 0 });
    } else if (c.mode === 'part') {
      c.windows.forEach((w, i) => {
        value.push({ sessionId: s.id, start: w.start, end: w.end });
        sources.push({ sessionId: s.id, window: i });
      });
    }
  }
  return { value, sources };
}
