/**
 * Posting to a portfolio: a child posts their own work (it waits for their teacher unless the class
 * approves automatically); a teacher or assistant posts for a child, or for several children of a
 * class at once (one post each, sharing the media) — those are approved at once.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { newGroupPost, newPost } from '../../../contracts/portfolio';
import { DomainError } from '../../../domain/errors';
import { can, type Actor } from '../../../domain/permissions/index';
import { initialStatus } from '../../../domain/portfolio/posts';
import type { Deps } from '../../deps';
import { checkGroupPostCriteria, checkNewPostCriteria } from '../criteria/tag-post';
import { authorize } from '../school/authorize';
import { findStudentSubject } from '../school/school.repo';
import { childAccess } from './access';
import { scheduleDigests } from './portfolio-digest';
import { checkContent } from './post-content';
import { classesOfStudent, findClassSettings, insertPost, studentsOfClass } from './portfolio.repo';

type Body = z.output<typeof newPost>;

export async function createPost(deps: Deps, actor: Actor, studentId: string, body: Body): Promise<string> {
  const access = await childAccess(deps, actor, studentId);
  if (!access.post) throw new DomainError('forbidden');
  if (actor.kind !== 'user') throw new DomainError('unauthenticated');
  const schoolId = access.subject.schoolId;
  const content = await checkContent(deps, actor, schoolId, body);
  const criterionIds = await checkNewPostCriteria(deps, schoolId, studentId, body.criterionIds);
  const authorRole = access.own ? ('student' as const) : ('staff' as const);
  // The class whose queue it waits in: for a teacher, a class of the child's they teach.
  const classes = await classesOfStudent(deps.db, studentId);
  const home = authorRole === 'staff' ? (classes.find((c) => actor.teaches.some((t) => t.classId === c.id)) ?? classes[0]) : classes[0];
  const status = initialStatus(authorRole, home?.autoApprovePosts ?? false);
  const now = deps.now();
  const id = await deps.db.transaction((tx) =>
    insertPost(tx, {
      post: {
        schoolId,
        studentId,
        classId: home?.id ?? null,
        authorId: actor.userId,
        authorRole,
        caption: body.caption,
        reflection: body.reflection,
        reflectionAudioId: body.reflectionAudioId,
        status,
        approvedAt: status === 'approved' ? now : null,
        createdAt: now,
        updatedAt: now,
      },
      items: content.items ?? [],
      tagIds: content.tagIds ?? [],
      criterionIds,
    }),
  );
  if (status === 'approved') await scheduleDigests(deps, schoolId, [studentId], now);
  return id;
}

export async function createGroupPost(deps: Deps, actor: Actor, classId: string, body: z.output<typeof newGroupPost>): Promise<string[]> {
  const cls = await findClassSettings(deps.db, classId);
  if (!cls) throw new DomainError('not_found');
  authorize(actor, 'class.portfolio.manage', { type: 'class', classId, schoolId: cls.schoolId });
  const inClass = new Set(await studentsOfClass(deps.db, classId));
  const studentIds = [...new Set(body.studentIds)];
  const fields: Record<string, string> = {};
  // `i` is the place in the list as sent (duplicates and all), which is where the page shows the error.
  for (const [i, studentId] of body.studentIds.entries()) {
    const subject = inClass.has(studentId) ? await findStudentSubject(deps.db, studentId) : undefined;
    if (!subject) fields[`studentIds.${i}`] = 'not_in_class';
    // In the class, but not someone who posts for its children (an admin who does not teach it).
    else if (!can(actor, 'portfolio.post', { type: 'student', studentId, ...subject })) throw new DomainError('forbidden');
  }
  if (Object.keys(fields).length) throw new DomainError('validation_failed', { fields });
  const content = await checkContent(deps, actor, cls.schoolId, body);
  const criterionIds = await checkGroupPostCriteria(deps, classId, body.criterionIds);
  const groupId = randomUUID();
  const now = deps.now();
  const ids = await deps.db.transaction(async (tx) => {
    const out: string[] = [];
    for (const studentId of studentIds) {
      out.push(
        await insertPost(tx, {
          post: {
            schoolId: cls.schoolId,
            studentId,
            classId,
            authorId: actor.userId,
            authorRole: 'staff',
            groupId,
            caption: body.caption,
            reflection: body.reflection,
            reflectionAudioId: body.reflectionAudioId,
            status: 'approved',
            approvedAt: now,
            createdAt: now,
            updatedAt: now,
          },
          items: content.items ?? [],
          tagIds: content.tagIds ?? [],
          criterionIds,
        }),
      );
    }
    return out;
  });
  await scheduleDigests(deps, cls.schoolId, studentIds, now);
  return ids;
}
