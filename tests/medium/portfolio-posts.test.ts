/**
 * Portfolio posts over HTTP: a pupil's post waits for approval (families see nothing of it — not
 * the post, not its photo — until then), returns and edits, auto-approval, teachers' posts for one
 * child or a group, refused content that saves nothing, comments and hiding them, tags and the
 * timeline's pages.
 */
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { posts } from '../../src/server/db/schema/index';
import { buildGuardian, buildWorld, phonePhoto, plainPng, uploadedMedia, wavRecording } from '../factories/index';
import { buildTestApp, type TestApp, type TestClient } from '../setup/app';
import { engines, openTestDatabase } from '../setup/db';
import { expectError } from './support/expect-api';

interface PostView {
  id: string;
  studentId: string;
  status: 'pending' | 'approved' | 'returned';
  caption: string;
  reflection: string;
  returnComment: string | null;
  groupId: string | null;
  createdAt: string;
  author: { id: string | null; role: 'student' | 'staff' };
  items: Array<{ kind: string; text: string | null; media: { id: string; urls: Record<string, string> } | null }>;
  tags: Array<{ id: string; name: string }>;
  comments: Array<{ id: string; body: string; hidden: boolean; mine: boolean }>;
  can: { edit: boolean; review: boolean; comment: boolean; hideComments: boolean };
}
interface Tag {
  id: string;
  kind: 'subject' | 'strand';
  name: string;
  parentId: string | null;
  archived: boolean;
}

describe.each(engines)('portfolio posts on %s', (engine) => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    t = await buildTestApp(database);
  });
  afterAll(async () => {
    await t.app.close();
    await database.close();
  });

  /** A fresh school for each test: class settings, tags and posts of one test do not meet another's. */
  async function world() {
    const w = await buildWorld(database.db);
    const as = async (userId: string) => t.clientAs(userId);
    return {
      w,
      ana: await as(w.ana.userId),
      cleo: await as(w.cleo.userId),
      teacherA: await as(w.teacherA.id),
      teacherB: await as(w.teacherB.id),
      guardianA: await as(w.guardianA.id),
      guardianB: await as(w.guardianB.id),
      admin: await as(w.admin.id),
      otherAdmin: await as(w.otherAdmin.id),
    };
  }

  const timelineOf = async (client: TestClient, studentId: string, query = '') => {
    const res = await client.get(`/api/students/${studentId}/posts${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { posts: PostView[]; nextCursor: string | null; can: { post: boolean; review: boolean } };
  };
  const postOf = async (client: TestClient, postId: string) => {
    const res = await client.get(`/api/posts/${postId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as PostView;
  };
  const createPost = async (client: TestClient, studentId: string, body: object) => {
    const res = await client.post(`/api/students/${studentId}/posts`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const postCount = async (studentId: string) => (await database.db.select({ n: count() }).from(posts).where(eq(posts.studentId, studentId)))[0]?.n;
  const text = (words: string) => ({ kind: 'text' as const, text: words });

  it('keeps a pupil’s post and its photo from families until a teacher approves it; a return goes back to the child', async () => {
    const { w, ana, teacherA, guardianA, guardianB, otherAdmin, teacherB } = await world();
    const mediaId = await uploadedMedia(ana, w.school.id, { filename: 'leaf.jpg', content: await phonePhoto(), type: 'image/jpeg' });
    await t.runJobs();
    const postId = await createPost(ana, w.ana.id, { caption: 'My leaf drawing', reflection: 'I used three colours.', items: [{ kind: 'photo', mediaId }] });

    const own = await timelineOf(ana, w.ana.id);
    expect(own.posts).toHaveLength(1);
    expect(own.posts[0]).toMatchObject({ id: postId, status: 'pending', caption: 'My leaf drawing', reflection: 'I used three colours.', author: { id: w.ana.userId, role: 'student' }, can: { edit: true, review: false } });
    expect(own.posts[0]?.items[0]).toMatchObject({ kind: 'photo', media: { id: mediaId, urls: { 'sm.jpg': `/api/media/${mediaId}/sm.jpg` } } });

    // The family sees nothing of it: not in the timeline, not by its id, not its photo.
    expect((await timelineOf(guardianA, w.ana.id)).posts).toEqual([]);
    expect((await timelineOf(guardianA, w.ana.id, '?status=pending')).posts).toEqual([]);
    expectError(await guardianA.get(`/api/posts/${postId}`), 404, 'not_found');
    expectError(await guardianA.get(`/api/media/${mediaId}`), 404, 'not_found');
    expectError(await guardianA.get(`/api/media/${mediaId}/sm.jpg`), 404, 'not_found');

    const queue = await teacherA.get(`/api/classes/${w.classA.id}/posts`);
    expect(queue.statusCode).toBe(200);
    expect(queue.json()).toMatchObject({ autoApprovePosts: false });
    expect(queue.json().posts.map((p: PostView) => [p.id, p.status, p.can.review])).toEqual([[postId, 'pending', true]]);
    expectError(await teacherB.get(`/api/classes/${w.classA.id}/posts`), 403, 'forbidden');

    expect((await teacherA.post(`/api/posts/${postId}/return`, { comment: 'Please add your name.' })).statusCode).toBe(200);
    expect((await timelineOf(ana, w.ana.id)).posts[0]).toMatchObject({ id: postId, status: 'returned', returnComment: 'Please add your name.' });
    expect((await teacherA.get(`/api/classes/${w.classA.id}/posts`)).json().posts).toEqual([]);
    expect((await teacherA.get(`/api/classes/${w.classA.id}/posts?status=returned`)).json().posts.map((p: PostView) => p.id)).toEqual([postId]);
    expect((await timelineOf(guardianA, w.ana.id)).posts).toEqual([]);
    expectError(await guardianA.get(`/api/posts/${postId}`), 404, 'not_found');

    const edit = await ana.patch(`/api/posts/${postId}`, { reflection: 'I used three colours and wrote my name.' });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(await postOf(ana, postId)).toMatchObject({ status: 'pending', returnComment: null, reflection: 'I used three colours and wrote my name.' });
    expect((await teacherA.get(`/api/classes/${w.classA.id}/posts`)).json().posts.map((p: PostView) => p.id)).toEqual([postId]);

    expect((await teacherA.post(`/api/posts/${postId}/approve`)).statusCode).toBe(200);
    const family = await timelineOf(guardianA, w.ana.id);
    expect(family.posts.map((p) => [p.id, p.status, p.reflection, p.returnComment])).toEqual([[postId, 'approved', 'I used three colours and wrote my name.', null]]);
    expect(family.posts[0]?.can).toEqual({ edit: false, review: false, comment: true, hideComments: false });
    expect(family.can).toEqual({ post: false, review: false });
    expect((await postOf(guardianA, postId)).id).toBe(postId);
    const photo = await guardianA.get(`/api/media/${mediaId}/sm.jpg`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(photo.rawPayload).metadata()).format).toBe('jpeg');
    const webp = await guardianA.get(`/api/media/${mediaId}/lg.webp`);
    expect(webp.headers['content-type']).toBe('image/webp');
    expect((await sharp(webp.rawPayload).metadata()).format).toBe('webp');

    // Another family of the school is refused the child's portfolio, and learns nothing of the post or its photo.
    expectError(await guardianB.get(`/api/students/${w.ana.id}/posts`), 403, 'forbidden');
    expectError(await guardianB.get(`/api/posts/${postId}`), 404, 'not_found');
    expectError(await guardianB.get(`/api/media/${mediaId}/sm.jpg`), 404, 'not_found');
    expectError(await teacherB.get(`/api/posts/${postId}`), 404, 'not_found');
    expectError(await otherAdmin.get(`/api/students/${w.ana.id}/posts`), 404, 'not_found');
    expectError(await otherAdmin.get(`/api/posts/${postId}`), 404, 'not_found');
    expectError(await otherAdmin.get(`/api/media/${mediaId}/sm.jpg`), 404, 'not_found');

    // Approving twice, or the child approving their own: refused.
    expectError(await teacherA.post(`/api/posts/${postId}/approve`), 409, 'conflict');
    expectError(await ana.post(`/api/posts/${postId}/approve`), 403, 'forbidden');
    expectError(await guardianA.post(`/api/posts/${postId}/return`, { comment: 'no' }), 403, 'forbidden');

    // The child changing an approved post sends it back to the queue: families never see words a teacher has not.
    expect((await ana.patch(`/api/posts/${postId}`, { caption: 'My leaf' })).statusCode).toBe(200);
    expect((await timelineOf(guardianA, w.ana.id)).posts).toEqual([]);
    expectError(await guardianA.get(`/api/media/${mediaId}/sm.jpg`), 404, 'not_found');
  });

  it('approves a pupil’s posts at once in a class that says so; only its staff may say so', async () => {
    const { w, ana, teacherA, teacherB, guardianA, otherAdmin } = await world();
    const put = (client: TestClient, on: boolean) => client.put(`/api/classes/${w.classA.id}/portfolio-settings`, { autoApprovePosts: on });
    expectError(await put(guardianA, true), 403, 'forbidden');
    expectError(await put(ana, true), 403, 'forbidden');
    expectError(await put(teacherB, true), 403, 'forbidden');
    expectError(await put(otherAdmin, true), 404, 'not_found');
    expect((await teacherA.get(`/api/classes/${w.classA.id}/posts`)).json().autoApprovePosts).toBe(false);

    const before = await createPost(ana, w.ana.id, { items: [text('Before')] });
    const res = await put(teacherA, true);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await teacherA.get(`/api/classes/${w.classA.id}/posts`)).json().autoApprovePosts).toBe(true);

    const after = await createPost(ana, w.ana.id, { caption: 'Straight in', items: [text('After')] });
    expect((await postOf(ana, after)).status).toBe('approved');
    expect((await timelineOf(guardianA, w.ana.id)).posts.map((p) => p.id)).toEqual([after]);
    // A post made before the switch still waits.
    expect((await postOf(ana, before)).status).toBe('pending');
  });

  it('lets a teacher post for a child and for a group (approved at once); families see only their own child’s', async () => {
    const { w, teacherA, guardianA, admin, ana } = await world();
    const guardianCleo = await t.clientAs((await buildGuardian(database.db, [w.cleo.id])).id);
    const mediaId = await uploadedMedia(teacherA, w.school.id, { filename: 'trip.png', content: await plainPng(), type: 'image/png' });
    await t.runJobs();

    const single = await createPost(teacherA, w.ana.id, { caption: 'Ana reading aloud', items: [{ kind: 'photo', mediaId }] });
    expect(await postOf(guardianA, single)).toMatchObject({ status: 'approved', author: { id: w.teacherA.id, role: 'staff' }, groupId: null });

    const group = await teacherA.post(`/api/classes/${w.classA.id}/posts`, { caption: 'Our trip to the pond', items: [{ kind: 'photo', mediaId }], studentIds: [w.ana.id, w.cleo.id] });
    expect(group.statusCode, group.body).toBe(201);
    const ids = group.json().ids as string[];
    expect(ids).toHaveLength(2);
    const [forAna, forCleo] = [await postOf(teacherA, ids[0]!), await postOf(teacherA, ids[1]!)];
    expect([forAna.studentId, forCleo.studentId]).toEqual([w.ana.id, w.cleo.id]);
    expect(forAna.groupId).toBeTruthy();
    expect(forCleo.groupId).toBe(forAna.groupId);
    expect([forAna.status, forCleo.status]).toEqual(['approved', 'approved']);

    const anaFamily = await timelineOf(guardianA, w.ana.id);
    expect(anaFamily.posts.map((p) => p.caption).sort()).toEqual(['Ana reading aloud', 'Our trip to the pond']);
    expect(anaFamily.posts.every((p) => p.studentId === w.ana.id)).toBe(true);
    expect((await timelineOf(guardianCleo, w.cleo.id)).posts.map((p) => p.id)).toEqual([forCleo.id]);
    expectError(await guardianA.get(`/api/posts/${forCleo.id}`), 404, 'not_found');
    expectError(await guardianA.get(`/api/students/${w.cleo.id}/posts`), 403, 'forbidden');
    // The shared photo: each family sees it through their own child's post.
    expect((await guardianA.get(`/api/media/${mediaId}/sm.jpg`)).statusCode).toBe(200);
    expect((await guardianCleo.get(`/api/media/${mediaId}/sm.jpg`)).statusCode).toBe(200);

    // A child of another class: refused on its own field, nothing saved.
    const before = { ana: await postCount(w.ana.id), ben: await postCount(w.ben.id) };
    const wrong = await teacherA.post(`/api/classes/${w.classA.id}/posts`, { items: [text('Hello')], studentIds: [w.ana.id, w.ben.id] });
    expect(expectError(wrong, 400, 'validation_failed').fields).toEqual({ 'studentIds.1': 'not_in_class' });
    // The field names the place in the list as sent, duplicates and all.
    const repeated = await teacherA.post(`/api/classes/${w.classA.id}/posts`, { items: [text('Hello')], studentIds: [w.ana.id, w.ana.id, w.ben.id] });
    expect(expectError(repeated, 400, 'validation_failed').fields).toEqual({ 'studentIds.2': 'not_in_class' });
    expect(expectError(await teacherA.post(`/api/classes/${w.classA.id}/posts`, { items: [text('Hello')], studentIds: [randomUUID()] }), 400, 'validation_failed').fields).toEqual({ 'studentIds.0': 'not_in_class' });
    expect({ ana: await postCount(w.ana.id), ben: await postCount(w.ben.id) }).toEqual(before);

    // Posting for children is their teachers' (the admin reviews, but does not post for a class) and not the child's.
    expectError(await admin.post(`/api/classes/${w.classA.id}/posts`, { items: [text('Hello')], studentIds: [w.ana.id] }), 403, 'forbidden');
    expectError(await admin.post(`/api/students/${w.ana.id}/posts`, { items: [text('Hello')] }), 403, 'forbidden');
    expectError(await ana.post(`/api/classes/${w.classA.id}/posts`, { items: [text('Hello')], studentIds: [w.ana.id] }), 403, 'forbidden');
    expectError(await guardianA.post(`/api/students/${w.ana.id}/posts`, { items: [text('Hello')] }), 403, 'forbidden');
    expect({ ana: await postCount(w.ana.id), ben: await postCount(w.ben.id) }).toEqual(before);
  });

  it('refuses a post with no items, someone else’s media, media of the wrong kind or an unknown tag — saving nothing', async () => {
    const { w, ana, cleo, otherAdmin } = await world();
    const mine = await uploadedMedia(ana, w.school.id, { filename: 'me.png', content: await plainPng(), type: 'image/png' });
    const voice = await uploadedMedia(ana, w.school.id, { filename: 'me.wav', content: wavRecording(), type: 'audio/wav' });
    const cleos = await uploadedMedia(cleo, w.school.id, { filename: 'cleo.png', content: await plainPng(), type: 'image/png' });
    const tags = (await ana.get(`/api/schools/${w.school.id}/tags`)).json().tags as Tag[];
    const otherTags = (await otherAdmin.get(`/api/schools/${w.otherSchool.id}/tags`)).json().tags as Tag[];
    expect(tags.length).toBeGreaterThan(0);
    expect(otherTags.length).toBeGreaterThan(0);
    const post = (body: object) => ana.post(`/api/students/${w.ana.id}/posts`, body);

    expect(expectError(await post({ caption: 'Nothing', items: [] }), 400, 'validation_failed').fields).toEqual({ items: 'too_small' });
    expect(expectError(await post({ caption: 'Nothing' }), 400, 'validation_failed').fields).toEqual({ items: 'required' });
    expect(expectError(await post({ items: [{ kind: 'photo', mediaId: cleos }] }), 400, 'validation_failed').fields).toEqual({ 'items.0.mediaId': 'media_unknown' });
    expect(expectError(await post({ items: [text('Hi'), { kind: 'photo', mediaId: randomUUID() }] }), 400, 'validation_failed').fields).toEqual({ 'items.1.mediaId': 'media_unknown' });
    expect(expectError(await post({ items: [{ kind: 'video', mediaId: mine }] }), 400, 'validation_failed').fields).toEqual({ 'items.0.mediaId': 'media_kind_mismatch' });
    expect(expectError(await post({ items: [{ kind: 'photo', mediaId: voice }] }), 400, 'validation_failed').fields).toEqual({ 'items.0.mediaId': 'media_kind_mismatch' });
    expect(expectError(await post({ items: [text('Hi')], reflectionAudioId: mine }), 400, 'validation_failed').fields).toEqual({ reflectionAudioId: 'media_kind_mismatch' });
    expect(expectError(await post({ items: [text('Hi')], tagIds: [randomUUID()] }), 400, 'validation_failed').fields).toEqual({ 'tagIds.0': 'unknown_tag' });
    expect(expectError(await post({ items: [text('Hi')], tagIds: [tags[0]!.id, otherTags[0]!.id] }), 400, 'validation_failed').fields).toEqual({ 'tagIds.1': 'unknown_tag' });
    expect(expectError(await post({ items: [text('Hi')], tagIds: [tags[0]!.id, tags[0]!.id, otherTags[0]!.id] }), 400, 'validation_failed').fields).toEqual({ 'tagIds.2': 'unknown_tag' });
    expect(await postCount(w.ana.id)).toBe(0);

    // The same checks on an edit, which then changes nothing.
    const postId = await createPost(ana, w.ana.id, { caption: 'Kept', items: [{ kind: 'photo', mediaId: mine }], reflectionAudioId: voice });
    const edit = await ana.patch(`/api/posts/${postId}`, { caption: 'Changed', items: [{ kind: 'photo', mediaId: cleos }] });
    expect(expectError(edit, 400, 'validation_failed').fields).toEqual({ 'items.0.mediaId': 'media_unknown' });
    expect(expectError(await ana.patch(`/api/posts/${postId}`, {}), 400, 'validation_failed').fields).toBeDefined();
    const kept = await postOf(ana, postId);
    expect(kept.caption).toBe('Kept');
    expect(kept.items.map((i) => i.media?.id)).toEqual([mine]);
    expect(await postCount(w.ana.id)).toBe(1);
  });

  it('changes only what an edit sends: a new caption keeps the reflection, items and tags', async () => {
    const { w, ana, teacherA } = await world();
    const tags = (await teacherA.get(`/api/schools/${w.school.id}/tags`)).json().tags as Tag[];
    const postId = await createPost(teacherA, w.ana.id, { caption: 'First', reflection: 'What I did well', items: [text('Body')], tagIds: [tags[0]!.id] });
    expect((await teacherA.patch(`/api/posts/${postId}`, { caption: 'Second' })).statusCode).toBe(200);
    expect(await postOf(ana, postId)).toMatchObject({ caption: 'Second', reflection: 'What I did well', items: [{ kind: 'text', text: 'Body' }], tags: [{ id: tags[0]!.id }], status: 'approved' });
    expect((await teacherA.patch(`/api/posts/${postId}`, { reflection: 'What I will do next' })).statusCode).toBe(200);
    expect(await postOf(ana, postId)).toMatchObject({ caption: 'Second', reflection: 'What I will do next', tags: [{ id: tags[0]!.id }] });
    // Clearing is said outright.
    expect((await teacherA.patch(`/api/posts/${postId}`, { caption: '', tagIds: [] })).statusCode).toBe(200);
    expect(await postOf(ana, postId)).toMatchObject({ caption: '', reflection: 'What I will do next', tags: [] });
    // An edit that says nothing is refused.
    expectError(await teacherA.patch(`/api/posts/${postId}`, {}), 400, 'validation_failed');
  });

  it('lets the family and teachers comment on an approved post; a teacher hides a comment from the family and the child', async () => {
    const { w, ana, teacherA, guardianA, guardianB, admin, otherAdmin } = await world();
    const postId = await createPost(teacherA, w.ana.id, { caption: 'Sharing time', items: [text('Ana shared her book.')] });

    const res = await guardianA.post(`/api/posts/${postId}/comments`, { body: 'We are so proud of you!' });
    expect(res.statusCode, res.body).toBe(201);
    const commentId = res.json().id as string;
    expect((await postOf(ana, postId)).comments).toEqual([expect.objectContaining({ id: commentId, body: 'We are so proud of you!', hidden: false, mine: false })]);
    expect((await postOf(guardianA, postId)).comments).toEqual([expect.objectContaining({ id: commentId, mine: true })]);
    expect((await teacherA.post(`/api/posts/${postId}/comments`, { body: 'She read beautifully.' })).statusCode).toBe(201);

    // Who may not comment: another family (who learns nothing of the post), the child, another school.
    expectError(await guardianB.post(`/api/posts/${postId}/comments`, { body: 'Hello' }), 404, 'not_found');
    expectError(await ana.post(`/api/posts/${postId}/comments`, { body: 'Hello' }), 403, 'forbidden');
    expectError(await otherAdmin.post(`/api/posts/${postId}/comments`, { body: 'Hello' }), 404, 'not_found');
    expectError(await guardianA.post(`/api/posts/${postId}/comments`, { body: '   ' }), 400, 'validation_failed');
    expect((await postOf(teacherA, postId)).comments.map((c) => c.body)).toEqual(['We are so proud of you!', 'She read beautifully.']);

    // Hiding is for the child's teachers (and the admin).
    expectError(await guardianA.patch(`/api/comments/${commentId}`, { hidden: true }), 403, 'forbidden');
    expectError(await ana.patch(`/api/comments/${commentId}`, { hidden: true }), 403, 'forbidden');
    expectError(await guardianB.patch(`/api/comments/${commentId}`, { hidden: true }), 404, 'not_found');
    expectError(await otherAdmin.patch(`/api/comments/${commentId}`, { hidden: true }), 404, 'not_found');
    expect((await postOf(ana, postId)).comments.map((c) => c.id)).toContain(commentId);

    expect((await teacherA.patch(`/api/comments/${commentId}`, { hidden: true })).statusCode).toBe(200);
    expect((await postOf(guardianA, postId)).comments.map((c) => c.body)).toEqual(['She read beautifully.']);
    expect((await postOf(ana, postId)).comments.map((c) => c.body)).toEqual(['She read beautifully.']);
    expect((await timelineOf(guardianA, w.ana.id)).posts[0]?.comments.map((c) => c.id)).not.toContain(commentId);
    expect((await postOf(teacherA, postId)).comments).toEqual([expect.objectContaining({ id: commentId, hidden: true }), expect.objectContaining({ hidden: false })]);
    expect((await postOf(admin, postId)).comments.find((c) => c.id === commentId)?.hidden).toBe(true);

    expect((await teacherA.patch(`/api/comments/${commentId}`, { hidden: false })).statusCode).toBe(200);
    expect((await postOf(guardianA, postId)).comments.map((c) => c.id)).toContain(commentId);
    expectError(await teacherA.patch(`/api/comments/${randomUUID()}`, { hidden: true }), 404, 'not_found');

    // A post still waiting takes no comments: the family cannot see it, the teacher is told it is not approved.
    const pending = await createPost(ana, w.ana.id, { items: [text('Waiting')] });
    expectError(await guardianA.post(`/api/posts/${pending}/comments`, { body: 'Hello' }), 404, 'not_found');
    expectError(await teacherA.post(`/api/posts/${pending}/comments`, { body: 'Hello' }), 409, 'conflict');
    expect((await postOf(teacherA, pending)).comments).toEqual([]);
  });

  it('gives every school the default subjects and strands; the admin edits them; a subject finds its strands’ posts', async () => {
    const { w, teacherA, guardianA, admin, otherAdmin } = await world();
    // The first reads, at once (two pages opening): the default list is added once, and both get it.
    const [res, same] = await Promise.all([guardianA.get(`/api/schools/${w.school.id}/tags`), teacherA.get(`/api/schools/${w.school.id}/tags`)]);
    expect(res.statusCode, res.body).toBe(200);
    expect(same.statusCode, same.body).toBe(200);
    const tags = res.json().tags as Tag[];
    expect(same.json().tags).toEqual(tags);
    const byName = (name: string) => tags.find((x) => x.name === name) as Tag;
    const language = byName('Language arts');
    expect(language).toMatchObject({ kind: 'subject', parentId: null, archived: false });
    expect(tags.filter((x) => x.parentId === language.id).map((x) => [x.name, x.kind])).toEqual([
      ['Writing', 'strand'],
      ['Reading', 'strand'],
      ['Representing', 'strand'],
      ['Speaking and listening', 'strand'],
    ]);
    expect(tags.filter((x) => x.kind === 'subject').map((x) => x.name)).toEqual(['Language arts', 'Numeracy', 'Project', 'ICT', 'Science', 'Art']);
    expect(tags.filter((x) => x.kind === 'strand').every((x) => x.parentId === language.id)).toBe(true);
    // Read again (by anyone): the same list, not a second copy.
    expect((await teacherA.get(`/api/schools/${w.school.id}/tags`)).json().tags).toEqual(tags);
    expectError(await otherAdmin.get(`/api/schools/${w.school.id}/tags`), 404, 'not_found');

    expectError(await teacherA.post(`/api/schools/${w.school.id}/tags`, { kind: 'strand', name: 'Poetry', parentId: language.id }), 403, 'forbidden');
    expectError(await otherAdmin.post(`/api/schools/${w.school.id}/tags`, { kind: 'subject', name: 'Poetry' }), 404, 'not_found');
    const added = await admin.post(`/api/schools/${w.school.id}/tags`, { kind: 'strand', name: 'Poetry', parentId: language.id });
    expect(added.statusCode, added.body).toBe(201);
    const poetry = added.json().id as string;
    expect(expectError(await admin.post(`/api/schools/${w.school.id}/tags`, { kind: 'strand', name: 'poetry', parentId: language.id }), 400, 'validation_failed').fields).toEqual({ name: 'tag_exists' });
    expect(expectError(await admin.post(`/api/schools/${w.school.id}/tags`, { kind: 'strand', name: 'Haiku', parentId: poetry }), 400, 'validation_failed').fields).toEqual({ parentId: 'unknown_tag' });
    expect((await teacherA.get(`/api/schools/${w.school.id}/tags`)).json().tags).toContainEqual({ id: poetry, kind: 'strand', name: 'Poetry', parentId: language.id, archived: false });
    expectError(await teacherA.patch(`/api/tags/${poetry}`, { name: 'Poems' }), 403, 'forbidden');

    const writing = await createPost(teacherA, w.ana.id, { caption: 'A story', items: [text('Once')], tagIds: [byName('Writing').id] });
    const sums = await createPost(teacherA, w.ana.id, { caption: 'Sums', items: [text('2+2')], tagIds: [byName('Numeracy').id] });
    const poem = await createPost(teacherA, w.ana.id, { caption: 'A poem', items: [text('Roses')], tagIds: [poetry, byName('Art').id] });
    const general = await createPost(teacherA, w.ana.id, { caption: 'Language', items: [text('Words')], tagIds: [language.id] });
    await createPost(teacherA, w.ana.id, { caption: 'Untagged', items: [text('Plain')] });
    const ids = async (query: string) => (await timelineOf(guardianA, w.ana.id, query)).posts.map((p) => p.id).sort();

    expect(await ids(`?tag=${language.id}`)).toEqual([writing, poem, general].sort());
    expect(await ids(`?tag=${byName('Writing').id}`)).toEqual([writing]);
    expect(await ids(`?tag=${byName('Art').id}`)).toEqual([poem]);
    expect(await ids(`?tag=${byName('Numeracy').id}`)).toEqual([sums]);
    expect(await ids(`?tag=${byName('Science').id}`)).toEqual([]);
    expect((await postOf(guardianA, poem)).tags.map((x) => x.name).sort()).toEqual(['Art', 'Poetry']);
    expect(expectError(await guardianA.get(`/api/students/${w.ana.id}/posts?tag=${randomUUID()}`), 400, 'validation_failed').fields).toEqual({ 'querystring.tag': 'unknown_tag' });

    // Archived: gone from new posts, kept on old ones (which still carry it through an edit).
    expect((await admin.patch(`/api/tags/${poetry}`, { archived: true })).statusCode).toBe(200);
    expect((await teacherA.get(`/api/schools/${w.school.id}/tags`)).json().tags).toContainEqual(expect.objectContaining({ id: poetry, archived: true }));
    expect(expectError(await teacherA.post(`/api/students/${w.ana.id}/posts`, { items: [text('New')], tagIds: [poetry] }), 400, 'validation_failed').fields).toEqual({ 'tagIds.0': 'unknown_tag' });
    expect((await teacherA.patch(`/api/posts/${poem}`, { caption: 'A poem, revised', tagIds: [poetry] })).statusCode).toBe(200);
    expect((await postOf(guardianA, poem)).tags.map((x) => x.name)).toEqual(['Poetry']);
    expect(await ids(`?tag=${language.id}`)).toEqual([writing, poem, general].sort());
  });

  it('pages a timeline 12 posts at a time, newest first, each post exactly once', async () => {
    const { w, teacherA, guardianA, ana } = await world();
    const paging = await buildTestApp(database);
    try {
      const teacher = await paging.clientAs(w.teacherA.id);
      const family = await paging.clientAs(w.guardianA.id);
      const base = Date.parse('2026-03-02T09:00:00Z');
      const made: Array<{ id: string; at: number }> = [];
      for (let i = 0; i < 30; i++) {
        // Pairs share a moment: the cursor must order by time, then id, and lose neither of a pair.
        const at = base + Math.floor(i / 2) * 60_000;
        paging.setNow(new Date(at));
        made.push({ id: await createPost(teacher, w.ana.id, { caption: `Post ${i}`, items: [text(`Day ${i}`)] }), at });
      }
      const expected = [...made].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)).map((p) => p.id);

      const seen: string[] = [];
      const sizes: number[] = [];
      let cursor: string | null = null;
      do {
        const res = await family.get(`/api/students/${w.ana.id}/posts${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json() as { posts: PostView[]; nextCursor: string | null };
        sizes.push(page.posts.length);
        seen.push(...page.posts.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor && sizes.length < 10);
      expect(sizes).toEqual([12, 12, 6]);
      expect(seen).toEqual(expected);
      expect(new Set(seen).size).toBe(30);
      const times = seen.map((id) => made.find((p) => p.id === id)!.at);
      expect(times).toEqual([...times].sort((a, b) => b - a));

      for (const garbage of ['not-a-cursor', Buffer.from('yesterday|abc').toString('base64url'), Buffer.from(`2026-03-02T09:00:00.000Z|${'z'.repeat(36)}`).toString('base64url')]) {
        expect(expectError(await family.get(`/api/students/${w.ana.id}/posts?cursor=${garbage}`), 400, 'validation_failed').fields).toEqual({ 'querystring.cursor': 'invalid' });
      }
    } finally {
      await paging.app.close();
    }
    // The same pages through the main app's clients (no clock of their own).
    expect((await timelineOf(guardianA, w.ana.id)).posts).toHaveLength(12);
    expect((await timelineOf(teacherA, w.ana.id)).can).toEqual({ post: true, review: true });
    expect((await timelineOf(ana, w.ana.id)).can).toEqual({ post: true, review: false });
  });
});
