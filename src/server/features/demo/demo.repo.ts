/** Writes a generated school into the database, and empties the database for `seed --reset`. */
import { eq, getTableName, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  classTeachers,
  classes,
  enrollments,
  guardianStudents,
  guardians,
  reportPeriods,
  schema,
  schools,
  staffMemberships,
  students,
  terms,
  users,
} from '../../db/schema/index';

export async function findSchoolBySlug(db: Db, slug: string) {
  const [row] = await db.select({ id: schools.id }).from(schools).where(eq(schools.slug, slug)).limit(1);
  return row;
}

/** Empties every table (one statement, so foreign keys never see a half-empty database). */
export async function truncateAll(db: Db): Promise<void> {
  const names = Object.values(schema).map((t) => `"${getTableName(t)}"`);
  await db.execute(sql.raw(`truncate table ${names.join(', ')} restart identity cascade`));
}

export const insert = {
  school: async (db: Db, row: typeof schools.$inferInsert) => {
    const [r] = await db.insert(schools).values(row).returning({ id: schools.id });
    return (r as { id: string }).id;
  },
  users: async (db: Db, rows: Array<typeof users.$inferInsert>) =>
    (await db.insert(users).values(rows).returning({ id: users.id })).map((r) => r.id),
  staffMemberships: (db: Db, rows: Array<typeof staffMemberships.$inferInsert>) => db.insert(staffMemberships).values(rows),
  classes: async (db: Db, rows: Array<typeof classes.$inferInsert>) =>
    (await db.insert(classes).values(rows).returning({ id: classes.id })).map((r) => r.id),
  classTeachers: (db: Db, rows: Array<typeof classTeachers.$inferInsert>) => db.insert(classTeachers).values(rows),
  students: async (db: Db, rows: Array<typeof students.$inferInsert>) =>
    (await db.insert(students).values(rows).returning({ id: students.id })).map((r) => r.id),
  enrollments: (db: Db, rows: Array<typeof enrollments.$inferInsert>) => db.insert(enrollments).values(rows),
  guardians: async (db: Db, rows: Array<typeof guardians.$inferInsert>) =>
    (await db.insert(guardians).values(rows).returning({ id: guardians.id })).map((r) => r.id),
  guardianStudents: (db: Db, rows: Array<typeof guardianStudents.$inferInsert>) => db.insert(guardianStudents).values(rows),
  term: async (db: Db, row: typeof terms.$inferInsert) => {
    const [r] = await db.insert(terms).values(row).returning({ id: terms.id });
    return (r as { id: string }).id;
  },
  reportPeriod: (db: Db, row: typeof reportPeriods.$inferInsert) => db.insert(reportPeriods).values(row),
};
