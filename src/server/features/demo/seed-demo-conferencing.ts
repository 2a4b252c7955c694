/**
 * Puts the demo's pupil conferencing (src/domain/demo/demo-conferencing.ts) into the demo school:
 * the Robins (Reception) with their teacher and families, a photo of each Robin's work, the logged
 * conferences, a Year 5 pupil paired with a Year 1 child with a note waiting for review, and
 * children's requests. Runs after the portfolio and goals seeds.
 */
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { demoConferences, demoPeerNote, demoRequests, demoRobins, demoWorkPictures, type DemoConferenceWho } from '../../../domain/demo/demo-conferencing';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, type DemoSchool } from '../../../domain/demo/demo-school';
import { peerTypeOf } from '../../../domain/conferencing/log';
import { schoolToday } from '../../../domain/goals/periods';
import { picturePasswordSecret } from '../../../domain/pictures';
import type { Deps } from '../../deps';
import { enqueue } from '../../jobs/runner';
import { hashSecret } from '../../lib/secrets';
import { addDays } from '../../../domain/conferencing/log';
import { insertConference, insertPairing, insertRequest } from '../conferencing/conferencing.repo';
import { processMediaJob } from '../media/process-media';
import { insertMedia } from '../media/media.repo';
import { insertPost, listPosts } from '../portfolio/portfolio.repo';
import { insert } from './demo.repo';
import type { DemoIds } from './seed-demo-portfolio';
import { demoSignIns } from './seed-demo-school';

const slug = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, '');

/** The demo's pupil conferencing people: the Year 5 conferencer, their Year 1 partner, and two more Owls. */
export function demoConferencingPeople(demo: DemoSchool) {
  const printed = demoSignIns(demo);
  const family = new Set(printed.guardian?.children.map((c) => c.studentKey));
  // The printed guardian's Year 1 child, so the demo family can read the note once it is approved.
  const partner = demo.students.find((s) => family.has(s.key) && (s.classKey === 'owls' || s.classKey === 'hedgehogs'));
  const older = demo.students.find((s) => s.username && !family.has(s.key) && s.classKey === 'kestrels');
  const owls = demo.students.filter((s) => s.classKey === 'owls' && s.key !== printed.child?.key && s.key !== partner?.key);
  return { printed: printed.child, partner, older, owl2: owls[0], owl3: owls[1], robinsTeacherEmail: `${slug(demoRobins.teacher.givenName)}.${slug(demoRobins.teacher.familyName)}@${DEMO_EMAIL_DOMAIN}` };
}

export async function seedDemoConferencing(deps: Pick<Deps, 'db' | 'media' | 'now'>, demo: DemoSchool, ids: DemoIds): Promise<void> {
  const people = demoConferencingPeople(demo);
  const now = deps.now();
  const today = schoolToday(now, demo.school.timeZone);
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000 - 3 * 3_600_000);

  // The Robins: their teacher, the class, six children and a guardian each (not yet joined).
  const [passwordHash, ...pictureHashes] = await Promise.all([hashSecret(DEMO_PASSWORD), ...demoRobins.children.map((c) => hashSecret(picturePasswordSecret(c.pictures)))]);
  const [teacherId] = await insert.users(deps.db, [{ givenName: demoRobins.teacher.givenName, familyName: demoRobins.teacher.familyName, email: people.robinsTeacherEmail, passwordHash }]);
  await insert.staffMemberships(deps.db, [{ schoolId: ids.schoolId, userId: teacherId!, role: 'teacher' }]);
  const [robinsId] = await insert.classes(deps.db, [{ schoolId: ids.schoolId, name: demoRobins.class.name, yearGroup: demoRobins.class.yearGroup, classCode: demoRobins.class.classCode }]);
  const ta = ids.staffId.get('ta1')!;
  await insert.classTeachers(deps.db, [
    { classId: robinsId!, userId: teacherId!, role: 'lead' },
    { classId: robinsId!, userId: ta, role: 'assistant' },
  ]);
  const childUserIds = await insert.users(deps.db, demoRobins.children.map((c) => ({ givenName: c.givenName, familyName: c.familyName })));
  const robinIds = await insert.students(
    deps.db,
    demoRobins.children.map((c, i) => ({ schoolId: ids.schoolId, userId: childUserIds[i]!, yearGroup: demoRobins.class.yearGroup, gradeLevel: demoRobins.class.gradeLevel, keyStage: demoRobins.class.keyStage, avatar: c.avatar, picturePasswordHash: pictureHashes[i]! })),
  );
  await insert.enrollments(deps.db, robinIds.map((studentId) => ({ classId: robinsId!, studentId })));
  const guardianUserIds = await insert.users(deps.db, demoRobins.children.map((c, i) => ({ givenName: c.guardian[0], familyName: c.familyName, email: `${slug(c.guardian[0])}.${slug(c.familyName)}.r${i}@${DEMO_EMAIL_DOMAIN}` })));
  const guardianIds = await insert.guardians(deps.db, guardianUserIds.map((userId) => ({ userId, phone: null })));
  await insert.guardianStudents(deps.db, guardianIds.map((guardianId, i) => ({ guardianId, studentId: robinIds[i]!, relationship: demoRobins.children[i]!.guardian[1], attendsSeparately: false })));

  // A photo of each Robin's work (the teacher's post), to start a picture-led conference from.
  const pictureOf = new Map<string, { postId: string; mediaId: string }>();
  for (const [i, robinId] of robinIds.entries()) {
    const kind = i % 2 === 0 ? 'blocks' : 'painting';
    const mediaId = randomUUID();
    const key = `${ids.schoolId}/${mediaId}/upload`;
    const png = await sharp(Buffer.from(demoWorkPictures[kind])).png().toBuffer();
    const posted = at(10 - i);
    await deps.media.write(key, png);
    await insertMedia(deps.db, { id: mediaId, schoolId: ids.schoolId, uploadedBy: teacherId!, kind: 'image', mimeType: 'image/png', byteSize: png.length, originalName: `${kind}.png`, status: 'processing', uploadKey: key, createdAt: posted });
    await enqueue(deps, processMediaJob, { mediaId }, { idempotencyKey: `process-media:${mediaId}` });
    const postId = await insertPost(deps.db, {
      post: { schoolId: ids.schoolId, studentId: robinId, classId: robinsId!, authorId: teacherId!, authorRole: 'staff', caption: kind === 'blocks' ? 'Building a tower' : 'My painting', status: 'approved', approvedAt: posted, createdAt: posted, updatedAt: posted },
      items: [{ kind: 'photo', mediaId, text: null }],
      tagIds: [],
    });
    pictureOf.set(robinId, { postId, mediaId });
  }

  const studentOf = (who: DemoConferenceWho): { studentId: string; classId: string; teacherId: string; grade: number } | null => {
    if (typeof who === 'object') return { studentId: robinIds[who.robin]!, classId: robinsId!, teacherId: teacherId!, grade: 0 };
    const s = people[who];
    if (!s) return null;
    const klass = demo.classes.find((c) => c.key === s.classKey)!;
    return { studentId: ids.studentId.get(s.key)!, classId: ids.classId.get(s.classKey)!, teacherId: ids.staffId.get(klass.teachers[0]!.staffKey)!, grade: klass.gradeLevel };
  };
  const assistantOf = (classId: string) => (classId === robinsId ? ta : ids.staffId.get(classId === ids.classId.get('kestrels') || classId === ids.classId.get('otters') ? 'ta2' : 'ta1')!);

  for (const c of demoConferences) {
    const group = [c.who, ...(c.with ?? [])].map(studentOf).filter((x): x is NonNullable<typeof x> => x !== null);
    if (group.length === 0) continue;
    const heldOn = addDays(today, -c.daysAgo);
    const groupId = group.length > 1 ? randomUUID() : null;
    for (const [i, s] of group.entries()) {
      const picture = i === 0 && c.stimulus ? pictureOf.get(s.studentId) : undefined;
      const author = c.byAssistant ? assistantOf(s.classId) : s.teacherId;
      await insertConference(deps.db, {
        row: {
          schoolId: ids.schoolId,
          studentId: s.studentId,
          classId: s.classId,
          groupId,
          type: c.type,
          stage: s.grade === 0 ? 'EYFS' : s.grade <= 2 ? 'KS1' : s.grade <= 4 ? 'LKS2' : 'UKS2',
          heldOn,
          subject: c.subject,
          focus: c.focus ?? '',
          childWords: c.childWords,
          stimulusPostId: picture?.postId ?? null,
          stimulusMediaId: picture?.mediaId ?? null,
          strengths: c.strengths,
          barriers: c.barriers,
          followUpOn: c.followUpInDays === undefined ? null : addDays(heldOn, c.followUpInDays),
          status: 'published',
          authorId: author,
          authorRole: 'staff',
          createdAt: at(c.daysAgo),
          updatedAt: at(c.daysAgo),
        },
        people: [{ userId: author, role: c.byAssistant ? 'assistant' : 'teacher' }],
        steps: c.steps.map((st) => ({ text: st.text, owner: st.owner, dueOn: st.inDays === undefined ? null : addDays(heldOn, st.inDays), doneAt: st.done ? at(Math.max(0, c.daysAgo - 7)) : null })),
        postIds: [],
        goalIds: [],
      });
    }
  }

  // The Year 5 pupil conferences the Year 1 child, with two of the child's pieces shared and a note waiting.
  const partner = studentOf('partner');
  const older = studentOf('older');
  if (partner && older && people.older) {
    const pieces = (await listPosts(deps.db, { studentId: partner.studentId, statuses: ['approved'], limit: 2 })).map((p) => p.id);
    const pairingId = await insertPairing(deps.db, { schoolId: ids.schoolId, conferencerId: older.studentId, partnerId: partner.studentId, createdBy: partner.teacherId, createdAt: at(4) }, pieces);
    if (pairingId) {
      await insertConference(deps.db, {
        row: {
          schoolId: ids.schoolId,
          studentId: partner.studentId,
          classId: partner.classId,
          type: peerTypeOf(older.grade, partner.grade),
          heldOn: addDays(today, -2),
          subject: demoPeerNote.subject,
          childWords: demoPeerNote.childWords,
          strengths: demoPeerNote.strengths,
          status: 'pending',
          authorId: ids.studentUserId.get(people.older.key)!,
          authorRole: 'pupil',
          pairingId,
          createdAt: at(2),
          updatedAt: at(2),
        },
        people: [{ userId: ids.studentUserId.get(people.older.key)!, role: 'pupil' }],
        steps: [{ text: demoPeerNote.nextStep, owner: 'child', dueOn: null }],
        postIds: pieces.slice(0, 1),
        goalIds: [],
      });
    }
  }

  for (const r of demoRequests) {
    const s = studentOf(r.who);
    if (!s) continue;
    await insertRequest(deps.db, {
      schoolId: ids.schoolId,
      studentId: s.studentId,
      classId: s.classId,
      about: r.about,
      status: r.scheduledInDays === undefined ? 'open' : 'scheduled',
      scheduledFor: r.scheduledInDays === undefined ? null : new Date(`${addDays(today, r.scheduledInDays)}T12:45:00Z`),
      reply: r.reply ?? '',
      handledBy: r.scheduledInDays === undefined ? null : s.teacherId,
      handledAt: r.scheduledInDays === undefined ? null : at(r.daysAgo - 1),
      createdAt: at(r.daysAgo),
      updatedAt: at(r.daysAgo),
    });
  }
}
