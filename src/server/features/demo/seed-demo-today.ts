/** The demo school's conferences of today (src/domain/demo/demo-today.ts): a round, its session, the children's preparation, bookings. */
import { randomUUID } from 'node:crypto';
import { peopleOf } from '../../../domain/booking/rules';
import { instantOf, sessionInstants, wallClockOf } from '../../../domain/booking/slots';
import { demoRoomsFor } from '../../../domain/demo/demo-booking';
import { demoRound } from '../../../domain/demo/demo-preparation';
import type { DemoSchool } from '../../../domain/demo/demo-school';
import { demoReflections, demoToday, demoTodayPosts, slotNow, todaySession } from '../../../domain/demo/demo-today';
import { insertPost } from '../portfolio/portfolio.repo';
import type { Deps } from '../../deps';
import { findRoundByName, insertBooking, insertPeople, listInterpreters, replaceSessions, setRoundClasses, updateBookingSettings, upsertRoundInterpreter, upsertRoundTeacher } from '../booking/booking.repo';
import { copyPreparation, insertRound, listPrompts, newestApprovedPosts, replacePicks, reportPeriodByName, saveAnswer, selectionsOf } from '../preparation/preparation.repo';
import type { DemoIds } from './seed-demo-portfolio';
import { demoSignIns } from './seed-demo-school';

export async function seedDemoToday(deps: Pick<Deps, 'db' | 'now'>, demo: DemoSchool, ids: DemoIds): Promise<void> {
  const zone = demo.school.timeZone;
  const main = await findRoundByName(deps.db, ids.schoolId, demoRound.name);
  if (!main) return;
  const now = deps.now();
  const wall = wallClockOf(now, zone);
  const session = todaySession(wall.time);
  const roundId = await insertRound(deps.db, {
    schoolId: ids.schoolId,
    name: demoToday.name,
    startsOn: wall.date,
    endsOn: wall.date,
    reportPeriodId: (await reportPeriodByName(deps.db, ids.schoolId, demoRound.reportPeriodName)) ?? null,
  });
  await updateBookingSettings(deps.db, roundId, {
    slotMinutes: demoToday.slotMinutes,
    bufferMinutes: demoToday.bufferMinutes,
    changeCutoffHours: 2,
    bookingOpensAt: instantOf(wall.date, '00:00', zone),
    bookingClosesAt: now,
  });
  await replaceSessions(deps.db, roundId, [{ date: wall.date, ...session, breaks: [], ...sessionInstants({ date: wall.date, ...session }, zone) }]);
  const classes = demo.classes.filter((c) => (demoToday.classKeys as readonly string[]).includes(c.key));
  const classIds = classes.map((c) => ids.classId.get(c.key)!);
  await setRoundClasses(deps.db, roundId, classIds);
  const rooms = demoRoomsFor(demo.classes.map((c) => c.key));
  const leadOf = new Map(classes.map((c) => [c.key, ids.staffId.get(c.teachers.find((t) => t.role === 'lead')?.staffKey ?? '')!]));
  for (const c of classes) {
    await upsertRoundTeacher(deps.db, { roundId, userId: leadOf.get(c.key)!, room: rooms[c.key] ?? null, videoUrl: `https://meet.example/${demo.school.slug}-${c.key}`, availability: null });
  }
  const korean = (await listInterpreters(deps.db, ids.schoolId)).find((i) => i.languages.includes('ko')) ?? null;
  if (korean) await upsertRoundInterpreter(deps.db, { roundId, interpreterId: korean.id, availability: null });
  await copyPreparation(deps.db, main.id, roundId, classIds);

  const printed = demoSignIns(demo);
  const start = instantOf(wall.date, session.startTime, zone);
  const slotAt = (i: number) => new Date(start.getTime() + i * demoToday.slotMinutes * 60_000);
  const current = slotNow(session, wall.time, demoToday.meetings);
  const busy = new Set<string>();
  for (const c of classes) {
    const teacherId = leadOf.get(c.key)!;
    const children = demo.students.filter((s) => s.classKey === c.key);
    // The Korean family's child meets at the slot on now; everyone else fills the evening in order.
    const first = children.filter((s) => printed.korean?.children.some((k) => k.studentKey === s.key));
    const order = [...first, ...children.filter((s) => !first.includes(s))];
    const free = [...Array(demoToday.meetings).keys()];
    for (const child of order) {
      if (free.length === 0) break;
      const families = demo.guardians.filter((g) => g.children.some((k) => k.studentKey === child.key));
      const household = families[0];
      if (!household || household.key === printed.guardian?.key || household.children.some((k) => k.attendsSeparately)) continue;
      const isKorean = household.key === printed.korean?.key;
      if (isKorean && c.key !== 'hedgehogs') continue;
      const slot = isKorean ? current : free.find((i) => !busy.has(`${household.key}@${i}`) && i !== (c.key === 'hedgehogs' ? current : -1));
      if (slot === undefined || !free.includes(slot)) continue;
      free.splice(free.indexOf(slot), 1);
      busy.add(`${household.key}@${slot}`);
      const householdUserId = ids.guardianUserId.get(household.key)!;
      const language = household.preferredLocale ?? demo.school.locale;
      const startsAt = slotAt(slot);
      const b = await insertBooking(deps.db, {
        schoolId: ids.schoolId,
        roundId,
        teacherId,
        studentId: ids.studentId.get(child.key)!,
        party: 'family',
        householdUserId,
        groupId: randomUUID(),
        status: 'confirmed',
        startsAt,
        endsAt: new Date(startsAt.getTime() + demoToday.slotMinutes * 60_000),
        language,
        interpreterId: isKorean && korean ? korean.id : null,
        attendees: [{ kind: 'guardian', userId: householdUserId }],
        confirmedAt: now,
        bookedBy: householdUserId,
      });
      await insertPeople(deps.db, b.id, peopleOf(b), b.startsAt, b.endsAt);
      const studentUserId = ids.studentUserId.get(child.key) ?? null;
      if (!(await newestApprovedPosts(deps.db, b.studentId, 1)).length) {
        for (const p of demoTodayPosts) {
          const at = new Date(now.getTime() - p.daysAgo * 86_400_000);
          await insertPost(deps.db, {
            post: { schoolId: ids.schoolId, studentId: b.studentId, classId: ids.classId.get(c.key)!, authorId: studentUserId, authorRole: 'student', caption: p.caption, status: 'approved', approvedAt: at, createdAt: at, updatedAt: at },
            items: [{ kind: 'text', text: p.text, mediaId: null }],
            tagIds: [],
          });
        }
      }
      await prepare(deps, roundId, ids.classId.get(c.key)!, b.studentId, slot);
    }
  }
}

/** The child has picked their newest approved pieces for the class's prompts and said something about each. */
async function prepare(deps: Pick<Deps, 'db' | 'now'>, roundId: string, classId: string, studentId: string, n: number): Promise<void> {
  const prompts = await listPrompts(deps.db, roundId, [classId]);
  const posts = await newestApprovedPosts(deps.db, studentId, prompts.length * 2);
  for (const [i, prompt] of prompts.entries()) {
    const postIds = posts.slice(i * prompt.pickCount, (i + 1) * prompt.pickCount);
    if (postIds.length === 0) continue;
    await replacePicks(deps.db, prompt.id, studentId, postIds, deps.now());
    for (const pick of await selectionsOf(deps.db, [prompt.id], [studentId])) {
      for (const q of prompt.questions) {
        const said = demoReflections[q.key ?? 'own'];
        await saveAnswer(deps.db, pick.id, q.id, { text: said[(n + i) % said.length]!, audioMediaId: null }, deps.now());
      }
    }
  }
}
