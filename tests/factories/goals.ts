/**
 * Factories for goals' medium tests: a school year of report periods (as the demo school has them),
 * posts in a child's portfolio in a given status, and rounds.
 */
import type { Db } from '../../src/server/db/client';
import { conferenceRounds } from '../../src/server/db/schema/index';
import { insertPost } from '../../src/server/features/portfolio/portfolio.repo';
import { insertReportPeriod, insertTerm } from '../../src/server/features/roster/people.repo';

/** Summer 2026 (over), Autumn 2026, Spring 2027 and Summer 2027: one term and one report period each. */
export async function buildSchoolYear(db: Db, schoolId: string) {
  const make = async (name: string, startsOn: string, endsOn: string) => {
    const termId = await insertTerm(db, { schoolId, name, startsOn, endsOn });
    return { id: await insertReportPeriod(db, { schoolId, termId, name: `${name} report`, startsOn, endsOn }), name: `${name} report`, startsOn, endsOn };
  };
  return {
    lastSummer: await make('Summer 2026', '2026-04-13', '2026-07-22'),
    autumn: await make('Autumn 2026', '2026-09-02', '2026-12-18'),
    spring: await make('Spring 2027', '2027-01-05', '2027-03-26'),
    summer: await make('Summer 2027', '2027-04-12', '2027-07-21'),
  };
}
export type SchoolYear = Awaited<ReturnType<typeof buildSchoolYear>>;

/** A post in a child's portfolio (a piece of writing), in the status given. */
export async function buildPost(db: Db, p: { schoolId: string; studentId: string; authorId: string; status?: 'approved' | 'pending' | 'returned'; caption?: string; text?: string; createdAt?: Date }) {
  const status = p.status ?? 'approved';
  return insertPost(db, {
    post: { schoolId: p.schoolId, studentId: p.studentId, authorId: p.authorId, authorRole: 'student', caption: p.caption ?? 'My writing', status, approvedAt: status === 'approved' ? (p.createdAt ?? new Date()) : null, ...(p.createdAt ? { createdAt: p.createdAt, updatedAt: p.createdAt } : {}) },
    items: [{ kind: 'text', text: p.text ?? 'The cat sat on the mat.', mediaId: null }],
    tagIds: [],
  });
}

export async function buildRound(db: Db, schoolId: string, reportPeriodId: string | null, name = 'Autumn conferences') {
  const [row] = await db.insert(conferenceRounds).values({ schoolId, name, startsOn: '2026-11-23', endsOn: '2026-11-27', reportPeriodId }).returning({ id: conferenceRounds.id });
  return row!.id;
}

/**
 * Two report periods around a moment (for tests that run on the real clock, like the matrix): one
 * that has started and runs 30 more days, and the next, which starts 40 days on.
 */
export async function buildPeriodsAround(db: Db, schoolId: string, now: Date) {
  const day = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  const termId = await insertTerm(db, { schoolId, name: 'This year', startsOn: day(-60), endsOn: day(200) });
  return {
    current: await insertReportPeriod(db, { schoolId, termId, name: 'This report', startsOn: day(-30), endsOn: day(30) }),
    next: await insertReportPeriod(db, { schoolId, termId, name: 'Next report', startsOn: day(40), endsOn: day(120) }),
  };
}
