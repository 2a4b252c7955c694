/**
 * The demo school's conferences of today, so that conference day can be clicked through whenever
 * the demo starts: a short catch-up round for three classes, one session around the moment of
 * seeding (from an hour before, for four hours, within the day), 20-minute meetings back to back.
 * The families of the printed Korean guardian's Hedgehogs child meet at the slot that is on now,
 * with the Korean interpreter; the printed English-speaking family is left out (their own booking
 * journey is next week's round).
 *
 *   todaySession('13:47') → { startTime: '12:45', endTime: '16:45' }
 *   todaySession('00:20') → { startTime: '00:00', endTime: '04:00' }
 *   todaySession('22:10') → { startTime: '21:10', endTime: '23:55' }
 */
export const demoToday = {
  name: 'Catch-up conferences (today)',
  classKeys: ['owls', 'hedgehogs', 'kestrels'] as const,
  slotMinutes: 20,
  bufferMinutes: 0,
  /** Meetings per teacher. */
  meetings: 10,
};

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toWall = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function todaySession(now: string): { startTime: string; endTime: string } {
  const start = Math.max(0, Math.floor((toMinutes(now) - 60) / 5) * 5);
  const end = Math.min(23 * 60 + 55, start + 4 * 60);
  return { startTime: toWall(start), endTime: toWall(end) };
}

/** The slot that is on at `now` (index from the session's start), clamped to the meetings there are. */
export function slotNow(session: { startTime: string }, now: string, count: number): number {
  return Math.max(0, Math.min(count - 1, Math.floor((toMinutes(now) - toMinutes(session.startTime)) / demoToday.slotMinutes)));
}

/** What the demo children say about a piece they picked (the school's language: their own words). */
export const demoReflections: Record<'did_well' | 'make_better' | 'learned' | 'own', string[]> = {
  did_well: ['I used lots of describing words.', 'I kept trying when it was hard.', 'My drawing shows all the details.'],
  make_better: ['I would check my full stops.', 'Next time I would add an ending.', 'I would make my writing neater.'],
  learned: ['I learned how to use a number line.', 'I learned that plants need light.', 'I learned to plan before I write.'],
  own: ['I am proud of it because I did it by myself.', 'It was fun to make.'],
};

/** Two pieces each child of today's conferences has in their portfolio (their writing, their maths). */
export const demoTodayPosts: Array<{ caption: string; text: string; daysAgo: number }> = [
  { caption: 'My story: The lost kite', text: 'One windy day my kite flew away. I ran after it past the park and the shops. At last it landed in a tree, and a kind lady helped me get it down.', daysAgo: 12 },
  { caption: 'Fractions I can show', text: 'Half of 8 is 4. A quarter of 8 is 2. I folded paper to show halves and quarters, and I coloured them in.', daysAgo: 5 },
];
