/**
 * Puts the demo portfolios (src/domain/demo/demo-portfolio.ts) into the demo school: the default
 * subjects, posts with writing and drawings, a waiting post, a comment. Drawings become PNG uploads
 * processed by the same durable job as a child's photo (the server's job runner picks them up).
 */
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { demoDrawings, demoPosts } from '../../../domain/demo/demo-portfolio';
import type { DemoSchool } from '../../../domain/demo/demo-school';
import type { Deps } from '../../deps';
import { enqueue } from '../../jobs/runner';
import { insertMedia } from '../media/media.repo';
import { processMediaJob } from '../media/process-media';
import { addDefaultTags } from '../portfolio/tags';
import { insertComment, insertPost, listTags } from '../portfolio/portfolio.repo';
import { demoSignIns } from './seed-demo-school';

export interface DemoIds {
  schoolId: string;
  studentId: Map<string, string>;
  studentUserId: Map<string, string>;
  classId: Map<string, string>;
  staffId: Map<string, string>;
  guardianUserId: Map<string, string>;
}

export async function seedDemoPortfolio(deps: Pick<Deps, 'db' | 'media' | 'now'>, demo: DemoSchool, ids: DemoIds): Promise<void> {
  await addDefaultTags(deps, ids.schoolId, demo.school.locale);
  const tags = await listTags(deps.db, ids.schoolId);
  const printed = demoSignIns(demo);
  const siblings = printed.guardian?.children.map((c) => c.studentKey) ?? [];
  const queueChild = demo.students.find((s) => s.classKey === 'owls' && s.key !== printed.child?.key && !demo.guardians.some((g) => g.children.some((c) => c.studentKey === s.key) && g.key === printed.guardian?.key));
  const keyOf = { printed: printed.child?.key, sibling1: siblings[0], sibling2: siblings[1], queue: queueChild?.key };
  const now = deps.now().getTime();
  for (const p of demoPosts) {
    const studentKey = keyOf[p.who];
    const student = demo.students.find((s) => s.key === studentKey);
    if (!student) continue;
    const classId = ids.classId.get(student.classKey) ?? null;
    const teacherKey = demo.classes.find((c) => c.key === student.classKey)?.teachers[0]?.staffKey;
    const authorId = p.byTeacher ? ids.staffId.get(teacherKey ?? '') : ids.studentUserId.get(student.key);
    const at = new Date(now - p.daysAgo * 86_400_000 - 3 * 3_600_000);
    const items: Array<{ kind: 'text' | 'drawing'; text: string | null; mediaId: string | null }> = [];
    if (p.drawing) {
      const mediaId = randomUUID();
      const key = `${ids.schoolId}/${mediaId}/upload`;
      const png = await sharp(Buffer.from(demoDrawings[p.drawing as keyof typeof demoDrawings])).png().toBuffer();
      await deps.media.write(key, png);
      await insertMedia(deps.db, { id: mediaId, schoolId: ids.schoolId, uploadedBy: authorId ?? null, kind: 'image', mimeType: 'image/png', byteSize: png.length, originalName: 'drawing.png', status: 'processing', uploadKey: key, createdAt: at });
      await enqueue(deps, processMediaJob, { mediaId }, { idempotencyKey: `process-media:${mediaId}` });
      items.push({ kind: 'drawing', mediaId, text: null });
    }
    if (p.text) items.push({ kind: 'text', text: p.text, mediaId: null });
    const postId = await insertPost(deps.db, {
      post: {
        schoolId: ids.schoolId,
        studentId: ids.studentId.get(student.key) as string,
        classId,
        authorId: authorId ?? null,
        authorRole: p.byTeacher ? 'staff' : 'student',
        caption: p.caption,
        reflection: p.reflection,
        status: p.status,
        approvedAt: p.status === 'approved' ? at : null,
        createdAt: at,
        updatedAt: at,
      },
      items,
      tagIds: tags.filter((t) => p.tags.includes(t.name)).map((t) => t.id),
    });
    const commenter = demo.guardians.find((g) => g.children.some((c) => c.studentKey === student.key));
    if (p.comment && commenter) await insertComment(deps.db, { postId, authorId: ids.guardianUserId.get(commenter.key) ?? null, body: p.comment, createdAt: new Date(at.getTime() + 3_600_000) });
  }
}
