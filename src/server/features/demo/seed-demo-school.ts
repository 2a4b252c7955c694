/**
 * Seeds the demo school (src/domain/demo) on first start, or afresh with `confer seed --reset`.
 * Everything goes in one transaction: a seed that fails half-way leaves nothing behind.
 */
import { buildDemoSchool, DEMO_PASSWORD, type DemoSchool } from '../../../domain/demo/demo-school';
import { picturePasswordSecret } from '../../../domain/pictures';
import type { Db } from '../../db/client';
import { hashSecret } from '../../lib/secrets';
import type { MediaStore } from '../media/media-store';
import { findSchoolBySlug, insert, truncateAll } from './demo.repo';
import { seedDemoConferencing } from './seed-demo-conferencing';
import { seedDemoCriteria } from './seed-demo-criteria';
import { seedDemoBooking, seedDemoSpringRound } from './seed-demo-booking';
import { seedDemoGoals } from './seed-demo-goals';
import { seedDemoPortfolio } from './seed-demo-portfolio';
import { seedDemoPreparation } from './seed-demo-preparation';
import { seedDemoStandards } from './seed-demo-standards';
import { seedDemoToday } from './seed-demo-today';

export interface SeedResult {
  seeded: boolean;
  demo: DemoSchool;
}

/** With a media store, the demo portfolios' drawings are written too (the CLI and the server pass one). */
export async function seedDemoSchool(db: Db, options: { reset: boolean; media?: MediaStore }): Promise<SeedResult> {
  const demo = buildDemoSchool();
  if (options.reset) await truncateAll(db);
  else if (await findSchoolBySlug(db, demo.school.slug)) return { seeded: false, demo };

  // One password hash is shared by all demo adults (it is the same password); each child's
  // picture password is hashed on its own, in parallel on the thread pool.
  const [passwordHash, ...pictureHashes] = await Promise.all([
    hashSecret(DEMO_PASSWORD),
    ...demo.students.map((s) => hashSecret(picturePasswordSecret(s.pictures))),
  ]);

  const printed = demoSignIns(demo);
  const withPassword = new Set([printed.guardian?.key, printed.korean?.key].filter(Boolean));
  const ids = await db.transaction(async (tx) => {
    const schoolId = await insert.school(tx, demo.school);

    const staffIds = await insert.users(
      tx,
      demo.staff.map((s) => ({ givenName: s.givenName, familyName: s.familyName, email: s.email, passwordHash, preferredLocale: s.preferredLocale })),
    );
    const staffId = new Map(demo.staff.map((s, i) => [s.key, staffIds[i] as string]));
    await insert.staffMemberships(
      tx,
      demo.staff.map((s) => ({ schoolId, userId: staffId.get(s.key) as string, role: s.role })),
    );

    const classIds = await insert.classes(
      tx,
      demo.classes.map((c) => ({ schoolId, name: c.name, yearGroup: c.yearGroup, classCode: c.classCode })),
    );
    const classId = new Map(demo.classes.map((c, i) => [c.key, classIds[i] as string]));
    await insert.classTeachers(
      tx,
      demo.classes.flatMap((c) => c.teachers.map((t) => ({ classId: classId.get(c.key) as string, userId: staffId.get(t.staffKey) as string, role: t.role }))),
    );

    const studentUserIds = await insert.users(
      tx,
      demo.students.map((s) => ({ givenName: s.givenName, familyName: s.familyName, username: s.username, passwordHash: s.username ? passwordHash : null })),
    );
    const classOf = new Map(demo.classes.map((c) => [c.key, c]));
    const studentIds = await insert.students(
      tx,
      demo.students.map((s, i) => {
        const klass = classOf.get(s.classKey);
        if (!klass) throw new Error(`demo student ${s.key} has no class`);
        return {
          schoolId,
          userId: studentUserIds[i] as string,
          yearGroup: klass.yearGroup,
          gradeLevel: klass.gradeLevel,
          keyStage: klass.keyStage,
          avatar: s.avatar,
          picturePasswordHash: pictureHashes[i] as string,
        };
      }),
    );
    const studentId = new Map(demo.students.map((s, i) => [s.key, studentIds[i] as string]));
    await insert.enrollments(
      tx,
      demo.students.map((s) => ({ classId: classId.get(s.classKey) as string, studentId: studentId.get(s.key) as string })),
    );

    const guardianUserIds = await insert.users(
      tx,
      // Only the guardians printed as demo sign-ins have a password; the others have not joined yet,
      // so the families page has people to invite.
      demo.guardians.map((g) => ({ givenName: g.givenName, familyName: g.familyName, email: g.email, passwordHash: withPassword.has(g.key) ? passwordHash : null, preferredLocale: g.preferredLocale })),
    );
    const guardianIds = await insert.guardians(
      tx,
      demo.guardians.map((g, i) => ({ userId: guardianUserIds[i] as string, phone: g.phone })),
    );
    await insert.guardianStudents(
      tx,
      demo.guardians.flatMap((g, i) =>
        g.children.map((c) => ({
          guardianId: guardianIds[i] as string,
          studentId: studentId.get(c.studentKey) as string,
          relationship: c.relationship,
          attendsSeparately: c.attendsSeparately,
        })),
      ),
    );

    for (const t of demo.terms) {
      const termId = await insert.term(tx, { schoolId, name: t.name, startsOn: t.startsOn, endsOn: t.endsOn });
      await insert.reportPeriod(tx, { schoolId, termId, ...t.reportPeriod });
    }
    return {
      schoolId,
      studentId,
      studentUserId: new Map(demo.students.map((s, i) => [s.key, studentUserIds[i] as string])),
      classId,
      staffId,
      guardianUserId: new Map(demo.guardians.map((g, i) => [g.key, guardianUserIds[i] as string])),
    };
  });
  if (options.media) {
    const deps = { db, media: options.media, now: () => new Date() };
    await seedDemoPortfolio(deps, demo, ids);
    // In this order: criteria may stand for standards; preparation picks posts and ticks criteria; goals come from it.
    await seedDemoStandards(deps, demo, ids);
    await seedDemoCriteria(deps, demo, ids);
    await seedDemoPreparation(deps, demo, ids);
    await seedDemoGoals(deps, demo, ids);
    await seedDemoBooking(deps, demo, ids);
    await seedDemoSpringRound(deps, demo, ids);
    await seedDemoConferencing(deps, demo, ids);
    await seedDemoToday(deps, demo, ids);
  }
  return { seeded: true, demo };
}

/** The sign-ins printed at start and shown in the README. */
export function demoSignIns(demo: DemoSchool) {
  const teacher = demo.staff.find((s) => s.key === 'owls');
  const admin = demo.staff.find((s) => s.role === 'admin');
  const owls = demo.classes.find((c) => c.key === 'owls');
  const child = demo.students.find((s) => s.classKey === 'owls');
  const guardian = demo.guardians.find((g) => g.children.length > 1 && !g.preferredLocale) ?? demo.guardians[0];
  const korean = demo.guardians.find((g) => g.preferredLocale === 'ko');
  const older = demo.students.find((s) => s.username);
  return { password: DEMO_PASSWORD, admin, teacher, owls, child, guardian, korean, older };
}
