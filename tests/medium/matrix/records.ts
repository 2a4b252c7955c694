/**
 * Authorization-matrix rows for sharing records by link and private follow-up.
 *
 * Sharing: a record's links are its family's (guardianOfChild) alone — not the teachers', not the
 * child's; the link itself is public to whoever holds it (its record and that record's photos). The
 * school's switch is the admin's; a class's, its teacher's and the admin's.
 *
 * Follow-up: the guardian asks; the conference's facilitators (teacherOfClass, the admin) answer,
 * offer a time and see every request of the conference; a member of staff's queue is their own
 * (the other school's admin has theirs). A pupil — Ana herself or another child — gets 404 on every
 * follow-up route, so a child never learns that a thread exists.
 *
 * Each row that changes something gets a target of its own (a link to withdraw, a thread to write
 * in, one to offer a time in, one to close, a conference with no request yet), so no row's answer
 * depends on another row running first. The meetings are on Wednesday 21 October 2026 in the
 * morning, away from the other areas' meetings (nobody is in two meetings at once).
 */
import type { RecordContent } from '../../../src/contracts/conference';
import { insertRecordVersion } from '../../../src/server/features/conference/conference.repo';
import { insertFollowup, insertFollowupMessage } from '../../../src/server/features/conference/followup.repo';
import { insertShare } from '../../../src/server/features/conference/sharing.repo';
import { randomToken, tokenDigest } from '../../../src/server/lib/secrets';
import { bookMeeting, buildConference } from '../../factories/conference';
import type { World } from '../../factories/index';
import { all, only, withStatus, type Area, type Expect } from './kit';

interface Fixture {
  main: string;
  ask: string;
  shareToken: string;
  shareId: string;
  withdrawId: string;
  photoId: string;
  thread: string;
  offer: string;
  close: string;
}
const fixtures = new WeakMap<World, Fixture>();
const f = (w: World) => fixtures.get(w) as Fixture;

const familyOnly = only(['guardianOfChild']);
/** Follow-up: the family and the facilitators; the rest of the school 403; pupils and the other school 404. */
const followupExpect = (allowed: Array<'admin' | 'teacherOfClass' | 'guardianOfChild'>, status = 200): Expect => ({
  admin: allowed.includes('admin') ? status : 403,
  teacherOfClass: allowed.includes('teacherOfClass') ? status : 403,
  otherTeacher: 403,
  guardianOfChild: allowed.includes('guardianOfChild') ? status : 403,
  otherGuardian: 403,
  studentSelf: 404,
  otherStudent: 404,
  anonymous: 401,
  otherSchool: 404,
});
/** A time to offer, weeks ahead of the real clock, early in the morning (clear of every area's meetings). */
const offeredAt = () => {
  const d = new Date(Date.now() + 40 * 86_400_000);
  d.setUTCHours(7, 0, 0, 0);
  return d.toISOString();
};

export const recordsArea: Area = {
  cases: {
    'GET /api/conferences/:id/shares': { url: (w) => `/api/conferences/${f(w).main}/shares`, expect: familyOnly },
    'POST /api/conferences/:id/shares': { url: (w) => `/api/conferences/${f(w).main}/shares`, body: () => ({ recipient: 'Aunt Sofia', days: 7 }), expect: withStatus(familyOnly, 201) },
    'DELETE /api/shares/:id': { url: (w) => `/api/shares/${f(w).withdrawId}`, expect: familyOnly },
    'GET /api/shares/:id/views': { url: (w) => `/api/shares/${f(w).shareId}/views`, expect: familyOnly },
    // The link is the key: anyone holding it reads the record and its photos, signed in or not.
    'GET /api/shared/:token': { url: (w) => `/api/shared/${f(w).shareToken}`, expect: all(200) },
    'GET /api/shared/:token/media/:mediaId/:variant': { url: (w) => `/api/shared/${f(w).shareToken}/media/${f(w).photoId}/sm.webp`, expect: all(200) },
    'GET /api/schools/:id/record-sharing': { url: (w) => `/api/schools/${w.school.id}/record-sharing`, expect: only(['admin']) },
    'PUT /api/schools/:id/record-sharing': { url: (w) => `/api/schools/${w.school.id}/record-sharing`, body: () => ({ enabled: true }), expect: only(['admin']) },
    'GET /api/classes/:id/record-sharing': { url: (w) => `/api/classes/${w.classA.id}/record-sharing`, expect: only(['admin', 'teacherOfClass']) },
    'PUT /api/classes/:id/record-sharing': { url: (w) => `/api/classes/${w.classA.id}/record-sharing`, body: () => ({ enabled: true }), expect: only(['admin', 'teacherOfClass']) },

    'POST /api/conferences/:id/followups': { url: (w) => `/api/conferences/${f(w).ask}/followups`, body: () => ({ message: 'Could we talk without Ana?' }), expect: followupExpect(['guardianOfChild'], 201) },
    'GET /api/conferences/:id/followups': { url: (w) => `/api/conferences/${f(w).main}/followups`, expect: followupExpect(['admin', 'teacherOfClass', 'guardianOfChild']) },
    // Every member of staff has a queue of their own (possibly empty); families do not; pupils are not told it exists.
    'GET /api/followups': {
      url: () => '/api/followups',
      expect: { admin: 200, teacherOfClass: 200, otherTeacher: 200, guardianOfChild: 403, otherGuardian: 403, studentSelf: 404, otherStudent: 404, anonymous: 401, otherSchool: 200 },
    },
    'POST /api/followups/:id/messages': { url: (w) => `/api/followups/${f(w).thread}/messages`, body: () => ({ body: 'Of course.' }), expect: followupExpect(['admin', 'teacherOfClass', 'guardianOfChild']) },
    // Only the school offers a time: the guardian who asked is refused.
    'POST /api/followups/:id/schedule': { url: (w) => `/api/followups/${f(w).offer}/schedule`, body: () => ({ startsAt: offeredAt(), minutes: 15, place: 'Room 4' }), expect: followupExpect(['admin', 'teacherOfClass']) },
    // Either side closes (closing a closed thread again changes nothing).
    'POST /api/followups/:id/close': { url: (w) => `/api/followups/${f(w).close}/close`, expect: followupExpect(['admin', 'teacherOfClass', 'guardianOfChild']) },
  },
  async setup(t, w, portfolio) {
    const db = t.deps.db;
    const now = t.deps.now();
    const main = await buildConference(db, w, { startsAt: '2026-10-21T09:00:00Z' });
    // One meeting per child per round and household: each extra one is booked as its own party (Luis's household still).
    const more = async (startsAt: string) => (await bookMeeting(db, w, { roundId: main.roundId, teacherId: w.teacherA.id, studentId: w.ana.id, guardianId: w.guardianA.id, startsAt, party: `records-${startsAt}` })).conferenceId;
    const [ask, threadConf, offerConf, closeConf] = [await more('2026-10-21T09:30:00Z'), await more('2026-10-21T10:00:00Z'), await more('2026-10-21T10:30:00Z'), await more('2026-10-21T11:00:00Z')];

    // Ana's record, finished, showing her photo (the portfolio's) — what a link opens.
    const content: RecordContent = {
      student: { id: w.ana.id, givenName: 'Ana', familyName: '', className: null },
      round: { id: main.roundId, name: 'Autumn conferences' },
      teacher: { id: w.teacherA.id, name: '' },
      startsAt: '2026-10-21T09:00:00.000Z',
      startedAt: null,
      endedAt: null,
      mode: 'in_person',
      language: 'en',
      attendance: 'attended',
      attendees: [],
      interpreter: null,
      pieces: [{ postId: portfolio.approvedId, prompt: { text: 'Your best work', lang: 'en' }, promptTitles: {}, caption: 'Leaf', firstText: null, mediaIds: [portfolio.photoId], reflections: [] }],
      strengths: [],
      workingOn: [],
      goals: [],
      summary: '',
      nextSteps: '',
    };
    await insertRecordVersion(db, main.conferenceId, 0, content, w.teacherA.id, now);
    const shareToken = randomToken();
    const link = (tokenHash: string) => insertShare(db, { conferenceId: main.conferenceId, createdBy: w.guardianA.id, recipient: 'Aunt Sofia', tokenHash, expiresAt: new Date(now.getTime() + 7 * 86_400_000), createdAt: now });
    const share = await link(tokenDigest(shareToken));
    const withdraw = await link(tokenDigest(randomToken()));

    // Luis's threads: one to write in, one to offer a time in, one to close (and one on the main conference to list).
    const thread = async (conferenceId: string) => {
      const request = await insertFollowup(db, { schoolId: w.school.id, conferenceId, studentId: w.ana.id, teacherId: w.teacherA.id, requestedBy: w.guardianA.id, status: 'open', createdAt: now, updatedAt: now });
      await insertFollowupMessage(db, { requestId: request.id, authorId: w.guardianA.id, body: 'Could we talk without Ana?', createdAt: now });
      return request.id;
    };
    await thread(main.conferenceId);
    fixtures.set(w, {
      main: main.conferenceId,
      ask,
      shareToken,
      shareId: share.id,
      withdrawId: withdraw.id,
      photoId: portfolio.photoId,
      thread: await thread(threadConf),
      offer: await thread(offerConf),
      close: await thread(closeConf),
    });
  },
};
