/**
 * A conference ready for the day, for medium tests: the booking round of tests/factories/booking.ts,
 * Ana's confirmed meeting with teacherA (Friday 23 October 2026, 15:30 London, her guardian Luis
 * coming, in `language`), her preparation (two picked pieces, one with a typed and recorded-free
 * answer), a goal for the round, and the conference row itself.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/server/db/client';
import { goals, selectionAnswers, selectionPrompts, selections } from '../../src/server/db/schema/index';
import { insertBooking, insertPeople } from '../../src/server/features/booking/booking.repo';
import { ensureConferences } from '../../src/server/features/conference/conference.repo';
import { buildBookingRound, FRI_1530 } from './booking';
import { buildPost } from './goals';
import type { World } from './index';

export interface ConferenceWorld {
  roundId: string;
  bookingId: string;
  conferenceId: string;
  selectionIds: string[];
  postIds: string[];
  goalId: string;
}

/** One more confirmed meeting in the round (another child, or the same teacher later). */
export async function bookMeeting(
  db: Db,
  w: Pick<World, 'school'>,
  o: { roundId: string; teacherId: string; studentId: string; guardianId: string; startsAt: string; minutes?: number; language?: string; party?: string; interpreterId?: string | null },
) {
  const startsAt = new Date(o.startsAt);
  const endsAt = new Date(startsAt.getTime() + (o.minutes ?? 20) * 60_000);
  const booking = await insertBooking(db, {
    schoolId: w.school.id,
    roundId: o.roundId,
    teacherId: o.teacherId,
    studentId: o.studentId,
    party: o.party ?? 'family',
    householdUserId: o.guardianId,
    groupId: randomUUID(),
    status: 'confirmed',
    startsAt,
    endsAt,
    language: o.language ?? 'en',
    interpreterId: o.interpreterId ?? null,
    attendees: [{ kind: 'guardian', userId: o.guardianId }],
    confirmedAt: new Date('2026-10-20T10:00:00Z'),
  });
  await insertPeople(db, booking.id, [`teacher:${o.teacherId}`, `student:${o.studentId}`, `guardian:${o.guardianId}`, ...(o.interpreterId ? [`interpreter:${o.interpreterId}`] : [])], startsAt, endsAt);
  const [conference] = await ensureConferences(db, [booking]);
  return { booking, conferenceId: conference!.id };
}

export async function buildConference(db: Db, w: World, o: { language?: string; startsAt?: string; party?: string; days?: string[] } = {}): Promise<ConferenceWorld> {
  const round = await buildBookingRound(db, w, o.days ? { days: o.days } : {});
  const posts = [
    await buildPost(db, { schoolId: w.school.id, studentId: w.ana.id, authorId: w.teacherA.id, caption: 'My story about the sea', text: 'Once upon a time the sea was green.' }),
    await buildPost(db, { schoolId: w.school.id, studentId: w.ana.id, authorId: w.teacherA.id, caption: 'Fractions poster', text: 'Half of eight is four.' }),
  ];
  const postIds = posts;
  const [prompt] = await db
    .insert(selectionPrompts)
    .values({ schoolId: w.school.id, roundId: round.id, classId: w.classA.id, position: 0, title: { en: 'Your best work' }, pickCount: 2, questions: [{ id: 'q1', key: 'did_well' }, { id: 'q2', text: { en: 'What would you change?' } }] })
    .returning();
  const picked = await db
    .insert(selections)
    .values(postIds.map((postId, position) => ({ promptId: prompt!.id, studentId: w.ana.id, postId, position })))
    .returning();
  await db.insert(selectionAnswers).values([
    { selectionId: picked[0]!.id, questionId: 'q1', text: 'I used describing words.' },
    { selectionId: picked[0]!.id, questionId: 'q2', text: 'I would add an ending.' },
    { selectionId: picked[1]!.id, questionId: 'q1', text: 'I drew it neatly.' },
  ]);
  const [goal] = await db.insert(goals).values({ schoolId: w.school.id, studentId: w.ana.id, roundId: round.id, what: 'Use full stops in every sentence', measure: 'Check my writing each Friday', createdBy: w.teacherA.id }).returning();
  const { booking, conferenceId } = await bookMeeting(db, w, { roundId: round.id, teacherId: w.teacherA.id, studentId: w.ana.id, guardianId: w.guardianA.id, startsAt: o.startsAt ?? FRI_1530, language: o.language, party: o.party });
  return { roundId: round.id, bookingId: booking.id, conferenceId, selectionIds: [...picked].sort((a, b) => a.position - b.position).map((s) => s.id), postIds, goalId: goal!.id };
}
