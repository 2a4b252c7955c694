/** The portfolio over HTTP: uploads and media, posts, approval, comments, tags, digest settings. Thin: parse → use case. */
import { z } from 'zod';
import { errorBody, idParam } from '../../../contracts/api';
import {
  classPortfolioSettings,
  classPosts,
  commentChange,
  createdPosts,
  mediaView,
  newComment,
  newGroupPost,
  newPost,
  newTag,
  notificationSettings,
  postChange,
  postView,
  returnPost,
  schoolTags,
  tagChange,
  timeline,
  timelineQuery,
  unsubscribe,
  uploadQuery,
} from '../../../contracts/portfolio';
import { DomainError } from '../../../domain/errors';
import type { Deps } from '../../deps';
import { readableMedia } from '../../features/media/read-media';
import { uploadMedia } from '../../features/media/upload-media';
import { addComment, setCommentHidden } from '../../features/portfolio/comments';
import { createGroupPost, createPost } from '../../features/portfolio/create-post';
import { editPost } from '../../features/portfolio/edit-post';
import { getNotificationSettings, setNotificationSettings, unsubscribeDigest } from '../../features/portfolio/portfolio-digest';
import { presentMedia } from '../../features/portfolio/present-posts';
import { getClassPosts, getPost, getTimeline } from '../../features/portfolio/read-portfolio';
import { approvePost, returnPost as returnPostToChild, setAutoApprove } from '../../features/portfolio/review-post';
import { changeTag, createTag, listSchoolTags } from '../../features/portfolio/tags';
import type { TypedApp } from '../app';
import { sendMediaVariant } from '../media-response';
import { created, done, ok, signedIn } from './shared';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody, 415: errorBody };
const mediaParams = z.object({ id: z.uuid(), variant: z.enum(['sm.webp', 'sm.jpg', 'lg.webp', 'lg.jpg', 'original']) });

export function registerPortfolioRoutes(app: TypedApp, deps: Deps): void {
  app.post(
    '/api/schools/:id/media',
    {
      config: signedIn,
      schema: {
        tags: ['portfolio'],
        summary: 'Upload one photo, video, recording, drawing or file (its type is read from its bytes; images are then processed)',
        consumes: ['multipart/form-data'],
        params: idParam,
        querystring: uploadQuery,
        response: { 201: mediaView, ...errors },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new DomainError('bad_request');
      const largest = Math.max(...Object.values(deps.config.mediaLimits));
      const part = await req.file({ limits: { fileSize: largest + 1, files: 1 } });
      if (!part) throw new DomainError('validation_failed', { fields: { file: 'required' } });
      const saved = await uploadMedia(deps, req.actor, req.params.id, { filename: part.filename, stream: part.file }, req.query.hint);
      return reply.code(201).send(presentMedia(await readableMedia(deps, req.actor, saved.id)));
    },
  );

  app.get('/api/media/:id', { config: signedIn, schema: { tags: ['portfolio'], summary: 'A media item: kind, whether it is ready, and its addresses', params: idParam, response: { 200: mediaView, ...errors } } }, async (req) =>
    presentMedia(await readableMedia(deps, req.actor, req.params.id)),
  );

  app.get(
    '/api/media/:id/:variant',
    { config: signedIn, schema: { tags: ['portfolio'], summary: 'The bytes of a media item in one size (checked for the reader on every request; byte ranges for video and audio)', params: mediaParams, produces: ['application/octet-stream'] } },
    async (req, reply) => {
      const row = await readableMedia(deps, req.actor, req.params.id);
      // Private: a shared cache must never keep a child's photo; the browser may for an hour.
      return sendMediaVariant(deps, req, reply, row, req.params.variant, { 'cache-control': 'private, max-age=3600' });
    },
  );

  app.get('/api/students/:id/posts', { config: signedIn, schema: { tags: ['portfolio'], summary: "A child's portfolio, newest first, a page at a time (families: approved posts only)", params: idParam, querystring: timelineQuery, response: { 200: timeline, ...errors } } }, async (req) =>
    getTimeline(deps, req.actor, req.params.id, req.query),
  );

  app.post('/api/students/:id/posts', { config: signedIn, schema: { tags: ['portfolio'], summary: "Post to a child's portfolio (the child, or their teacher for them)", params: idParam, body: newPost, response: { 201: created, ...errors } } }, async (req, reply) =>
    reply.code(201).send({ id: await createPost(deps, req.actor, req.params.id, req.body) }),
  );

  app.post('/api/classes/:id/posts', { config: signedIn, schema: { tags: ['portfolio'], summary: 'Post for several children of a class at once (one post each)', params: idParam, body: newGroupPost, response: { 201: createdPosts, ...errors } } }, async (req, reply) =>
    reply.code(201).send({ ids: await createGroupPost(deps, req.actor, req.params.id, req.body) }),
  );

  app.get(
    '/api/classes/:id/posts',
    { config: signedIn, schema: { tags: ['portfolio'], summary: "A class's posts in one status: the approval queue (pending) by default", params: idParam, querystring: z.object({ status: z.enum(['pending', 'returned']).optional() }), response: { 200: classPosts, ...errors } } },
    async (req) => getClassPosts(deps, req.actor, req.params.id, req.query.status),
  );

  app.put('/api/classes/:id/portfolio-settings', { config: signedIn, schema: { tags: ['portfolio'], summary: "A class's portfolio settings: approve pupils' posts automatically", params: idParam, body: classPortfolioSettings, response: { 200: ok, ...errors } } }, async (req) => {
    await setAutoApprove(deps, req.actor, req.params.id, req.body.autoApprovePosts);
    return done;
  });

  app.get('/api/posts/:id', { config: signedIn, schema: { tags: ['portfolio'], summary: 'One post with its comments', params: idParam, response: { 200: postView, ...errors } } }, async (req) => getPost(deps, req.actor, req.params.id));

  app.patch('/api/posts/:id', { config: signedIn, schema: { tags: ['portfolio'], summary: 'Edit a post (a child’s edit sends it back to the approval queue)', params: idParam, body: postChange, response: { 200: ok, ...errors } } }, async (req) => {
    await editPost(deps, req.actor, req.params.id, req.body);
    return done;
  });

  app.post('/api/posts/:id/approve', { config: signedIn, schema: { tags: ['portfolio'], summary: 'Approve a waiting post: families see it', params: idParam, response: { 200: ok, ...errors } } }, async (req) => {
    await approvePost(deps, req.actor, req.params.id);
    return done;
  });

  app.post('/api/posts/:id/return', { config: signedIn, schema: { tags: ['portfolio'], summary: 'Return a post to the child with a comment', params: idParam, body: returnPost, response: { 200: ok, ...errors } } }, async (req) => {
    await returnPostToChild(deps, req.actor, req.params.id, req.body.comment);
    return done;
  });

  app.post('/api/posts/:id/comments', { config: signedIn, schema: { tags: ['portfolio'], summary: 'Comment on an approved post (families and teachers)', params: idParam, body: newComment, response: { 201: created, ...errors } } }, async (req, reply) =>
    reply.code(201).send({ id: await addComment(deps, req.actor, req.params.id, req.body.body) }),
  );

  app.patch('/api/comments/:id', { config: signedIn, schema: { tags: ['portfolio'], summary: 'Hide a comment (or show it again): teachers', params: idParam, body: commentChange, response: { 200: ok, ...errors } } }, async (req) => {
    await setCommentHidden(deps, req.actor, req.params.id, req.body.hidden);
    return done;
  });

  app.get('/api/schools/:id/tags', { config: signedIn, schema: { tags: ['portfolio'], summary: "The school's subjects and strands", params: idParam, response: { 200: schoolTags, ...errors } } }, async (req) => ({
    tags: await listSchoolTags(deps, req.actor, req.params.id),
  }));

  app.post('/api/schools/:id/tags', { config: signedIn, schema: { tags: ['portfolio'], summary: 'Add a subject or strand', params: idParam, body: newTag, response: { 201: created, ...errors } } }, async (req, reply) =>
    reply.code(201).send({ id: await createTag(deps, req.actor, req.params.id, req.body) }),
  );

  app.patch('/api/tags/:id', { config: signedIn, schema: { tags: ['portfolio'], summary: 'Rename, reorder or archive a subject or strand', params: idParam, body: tagChange, response: { 200: ok, ...errors } } }, async (req) => {
    await changeTag(deps, req.actor, req.params.id, req.body);
    return done;
  });

  app.get('/api/me/notifications', { config: signedIn, schema: { tags: ['me'], summary: 'Which emails I get', response: { 200: notificationSettings, ...errors } } }, async (req) => getNotificationSettings(deps, req.actor));

  app.put('/api/me/notifications', { config: signedIn, schema: { tags: ['me'], summary: 'Choose which emails I get (the daily portfolio digest)', body: notificationSettings, response: { 200: notificationSettings, ...errors } } }, async (req) => {
    await setNotificationSettings(deps, req.actor, req.body.portfolioDigest);
    return getNotificationSettings(deps, req.actor);
  });

  app.post('/api/unsubscribe', { config: { access: 'public' }, schema: { tags: ['me'], summary: "The digest email's link: switch the daily digest off", body: unsubscribe, response: { 200: ok, ...errors } } }, async (req) => {
    await unsubscribeDigest(deps, req.body.token);
    return done;
  });
}
