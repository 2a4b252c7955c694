/**
 * The conference log: a teacher or assistant logs a pupil conference for a child (or a group, one
 * record each), edits it, reviews a pupil conferencer's note, ticks next steps off and turns them
 * into goals. Everything a record points at is checked before anything is written: the child's own
 * approved posts and goals, the person's own uploads, staff and pupils of the school.
 */
import type { ChildConferences, ConferenceChange, ConferenceForm, NewConferenceBody, PupilConferenceView } from '../../../contracts/conferencing';
import { DomainError } from '../../../domain/errors';
import { reviewed, type ReviewDecision } from '../../../domain/conferencing/log';
import { defaultsFor } from '../../../domain/conferencing/stages';
import { can, type Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { createGoal } from '../goals/set-goal';
import { checkOwnMedia } from '../media/own-media';
import { childConferencing, conferenceWithAccess, mayRead, type ChildConferencing } from './access';
import {
  activePairingsOf,
  approvedOf,
  approvedPostsOfChild,
  childrenOfClasses,
  conferencesOfStudent,
  findChildByUser,
  findChildren,
  findRequest,
  findStep,
  goalsOf,
  insertConference,
  linkStepGoal,
  linksOf,
  postCards,
  requestsOfStudent,
  stepsOf,
  staffOfClasses,
  updateConference,
  updateConferenceIf,
  updateRequest,
  updateStep,
  type PupilConferenceRow,
} from './conferencing.repo';
import { childRefOf, presentCards, presentConference, presentSummaries } from './present';
import { listStaffOfSchool } from '../school/school.repo';

const fail = (fields: Record<string, string>): never => {
  throw new DomainError('validation_failed', { fields });
};

export async function getChildConferences(deps: Deps, actor: Actor, studentId: string): Promise<ChildConferences> {
  const access = await childConferencing(deps, actor, studentId, 'conferencing.read');
  const rows = (await conferencesOfStudent(deps.db, studentId)).filter((r) => mayRead(access, r));
  const d = defaultsFor(access.stages, access.child.gradeLevel);
  return {
    student: childRefOf(access.child),
    defaults: { stage: d.stage?.name ?? null, type: d.type, types: d.types, prompts: d.prompts, requests: d.requests },
    conferences: await presentSummaries(deps, rows),
    can: { log: access.log, request: access.request },
  };
}

export async function getConference(deps: Deps, actor: Actor, conferenceId: string): Promise<PupilConferenceView> {
  const { row, access } = await conferenceWithAccess(deps, actor, conferenceId);
  return presentConference(deps, access, row);
}

/** What the log form offers: the stage's defaults, the child's teachers and classmates, their work and goals. */
export async function getConferenceForm(deps: Deps, actor: Actor, studentId: string): Promise<ConferenceForm> {
  const access = await childConferencing(deps, actor, studentId, 'conferencing.log');
  const d = defaultsFor(access.stages, access.child.gradeLevel);
  const [staff, classmates, recent, goalRows, requests, pairings] = await Promise.all([
    staffOfClasses(deps.db, access.subject.classIds),
    childrenOfClasses(deps.db, access.subject.classIds),
    approvedPostsOfChild(deps.db, studentId, 24),
    goalsOf(deps.db, studentId),
    requestsOfStudent(deps.db, studentId),
    activePairingsOf(deps.db, [studentId]),
  ]);
  const conferencerIds = pairings.filter((p) => p.partnerId === studentId).map((p) => p.conferencerId);
  const conferencers = await findChildren(deps.db, conferencerIds);
  const mates = [...new Map(classmates.filter((c) => c.id !== studentId).map((c) => [c.id, c])).values()];
  return {
    student: childRefOf(access.child),
    defaults: { stage: d.stage?.name ?? null, type: d.type, types: d.types, prompts: d.prompts, requests: d.requests },
    staff: [...new Map(staff.map((s) => [s.id, { id: s.id, givenName: s.givenName, familyName: s.familyName, role: s.role === 'assistant' ? ('assistant' as const) : ('teacher' as const) }])).values()],
    pupils: [...conferencers, ...mates].map((c) => ({ ...childRefOf(c), userId: c.userId })),
    posts: await presentCards(deps, recent.map((p) => p.id), () => true),
    goals: goalRows.filter((g) => g.status === 'working').map((g) => ({ id: g.id, what: g.what, status: g.status })),
    classmates: mates.map(childRefOf),
    requests: requests.filter((r) => r.status === 'open' || r.status === 'scheduled' || r.status === 'paired').map((r) => ({ id: r.id, about: r.about, createdAt: r.createdAt.toISOString() })),
    today: access.today,
  };
}

/** Checks what a record points at, for the children it is about; field codes name what is wrong. */
async function checkFields(deps: Deps, access: ChildConferencing, studentIds: string[], input: ConferenceChange, current: PupilConferenceRow | null) {
  const fields: Record<string, string> = {};
  const heldOn = input.heldOn ?? current?.heldOn;
  if (input.heldOn !== undefined && input.heldOn > access.today) fields.heldOn = 'date_in_future';
  const followUpOn = input.followUpOn !== undefined ? input.followUpOn : (current?.followUpOn ?? null);
  if (followUpOn && heldOn && followUpOn < heldOn) fields.followUpOn = 'follow_up_before_held';
  const already = new Set([current?.stimulusMediaId, current?.childWordsAudioId].filter((x): x is string => Boolean(x)));
  Object.assign(
    fields,
    await checkOwnMedia(
      deps,
      access.actor,
      access.subject.schoolId,
      [
        { field: 'stimulusMediaId', mediaId: input.stimulusMediaId, kind: 'image' },
        { field: 'childWordsAudioId', mediaId: input.childWordsAudioId, kind: 'audio' },
      ],
      already,
    ),
  );
  // Posts and goals: each must be one child's own (approved work; any goal), linked to that child's record.
  const postOwner = new Map<string, string>();
  const goalOwner = new Map<string, string>();
  for (const sid of studentIds) {
    for (const p of await approvedOf(deps.db, sid, [...(input.postIds ?? []), ...(input.stimulusPostId ? [input.stimulusPostId] : [])])) postOwner.set(p, sid);
    for (const g of await goalsOf(deps.db, sid, input.goalIds ?? [])) goalOwner.set(g.id, sid);
  }
  (input.postIds ?? []).forEach((p, i) => {
    if (!postOwner.has(p)) fields[`postIds.${i}`] = 'not_childs_post';
  });
  (input.goalIds ?? []).forEach((g, i) => {
    if (!goalOwner.has(g)) fields[`goalIds.${i}`] = 'unknown_goal';
  });
  let stimulusMediaId = input.stimulusMediaId;
  if (input.stimulusPostId) {
    if (postOwner.get(input.stimulusPostId) !== studentIds[0]) fields.stimulusPostId = 'not_childs_post';
    else if (!input.stimulusMediaId) {
      // A picture from the portfolio: its first photo or drawing is the stimulus.
      const cards = await postCards(deps.db, [input.stimulusPostId]);
      const picture = cards.items.find((i) => (i.kind === 'photo' || i.kind === 'drawing') && i.mediaId);
      if (!picture) fields.stimulusPostId = 'no_picture';
      else stimulusMediaId = picture.mediaId;
    }
  }
  // Conferencers: staff of the school, or its pupils.
  const people: Array<{ userId: string; role: 'teacher' | 'assistant' | 'pupil' }> = [];
  if (input.conferencers) {
    const staff = new Map((await listStaffOfSchool(deps.db, access.subject.schoolId)).map((s) => [s.userId, s]));
    const pupils = new Map((await findChildByUser(deps.db, input.conferencers.filter((c) => c.role === 'pupil').map((c) => c.userId))).map((c) => [c.userId, c]));
    input.conferencers.forEach((c, i) => {
      const ok = c.role === 'pupil' ? pupils.get(c.userId)?.schoolId === access.subject.schoolId : staff.has(c.userId);
      if (!ok) fields[`conferencers.${i}.userId`] = 'unknown_person';
      else people.push(c);
    });
  }
  if (Object.keys(fields).length) fail(fields);
  return { postOwner, goalOwner, stimulusMediaId, people };
}

function hasContent(c: { subject: string; focus: string; childWords: string; childWordsAudioId: string | null; strengths: string; barriers: string; steps: unknown[]; stimulusMediaId?: string | null | undefined }): boolean {
  return Boolean(c.subject || c.focus || c.childWords || c.childWordsAudioId || c.strengths || c.barriers || c.steps.length || c.stimulusMediaId);
}

/** The role the person logging has in the conference: an assistant in the child's class, else a teacher. */
function ownRole(access: ChildConferencing): 'teacher' | 'assistant' {
  const staff = access.actor.staff.filter((s) => s.schoolId === access.subject.schoolId);
  return staff.length > 0 && staff.every((s) => s.role === 'assistant') ? 'assistant' : 'teacher';
}

export async function logConference(deps: Deps, actor: Actor, body: NewConferenceBody): Promise<string[]> {
  const studentIds = [...new Set(body.studentIds)];
  const access = await childConferencing(deps, actor, studentIds[0]!, 'conferencing.log');
  const others: ChildConferencing[] = [];
  for (const [i, sid] of studentIds.slice(1).entries()) {
    const other = await childConferencing(deps, actor, sid, 'conferencing.log').catch(() => null);
    if (!other || other.subject.schoolId !== access.subject.schoolId) fail({ [`studentIds.${i + 1}`]: 'not_in_class' });
    others.push(other!);
  }
  const { studentIds: _ids, requestId: _r, ...input } = body;
  if (!hasContent(input)) fail({ subject: 'conference_empty' });
  const checked = await checkFields(deps, access, studentIds, input, null);
  let request = null;
  if (body.requestId) {
    request = await findRequest(deps.db, body.requestId);
    if (!request || !studentIds.includes(request.studentId)) fail({ requestId: 'unknown_request' });
  }
  const now = deps.now();
  const groupId = studentIds.length > 1 ? crypto.randomUUID() : null;
  const me = { userId: access.actor.userId, role: ownRole(access) };
  const ids: string[] = [];
  await deps.db.transaction(async (tx) => {
    for (const [i, sid] of studentIds.entries()) {
      const a = i === 0 ? access : others[i - 1]!;
      const id = await insertConference(tx, {
        row: {
          schoolId: a.subject.schoolId,
          studentId: sid,
          classId: a.subject.classIds.find((c) => access.actor.teaches.some((t) => t.classId === c)) ?? a.subject.classIds[0] ?? null,
          groupId,
          type: input.type,
          stage: defaultsFor(a.stages, a.child.gradeLevel).stage?.name ?? null,
          heldOn: input.heldOn,
          subject: input.subject,
          focus: input.focus,
          childWords: input.childWords,
          childWordsAudioId: input.childWordsAudioId,
          stimulusPostId: i === 0 ? input.stimulusPostId : null,
          stimulusMediaId: i === 0 ? (checked.stimulusMediaId ?? null) : input.stimulusMediaId,
          strengths: input.strengths,
          barriers: input.barriers,
          followUpOn: input.followUpOn,
          status: 'published',
          authorId: access.actor.userId,
          authorRole: 'staff',
          requestId: request && request.studentId === sid ? request.id : null,
          createdAt: now,
          updatedAt: now,
        },
        people: [me, ...checked.people],
        steps: input.steps.map((s) => ({ text: s.text, owner: s.owner, dueOn: s.dueOn ?? null })),
        postIds: input.postIds.filter((p) => checked.postOwner.get(p) === sid),
        goalIds: input.goalIds.filter((g) => checked.goalOwner.get(g) === sid),
      });
      ids.push(id);
      if (request && request.studentId === sid) await updateRequest(tx, request.id, { status: 'done', conferenceId: id, handledBy: access.actor.userId, handledAt: now, updatedAt: now });
    }
  });
  return ids;
}

export async function editConference(deps: Deps, actor: Actor, conferenceId: string, change: ConferenceChange): Promise<void> {
  const { row, access } = await conferenceWithAccess(deps, actor, conferenceId);
  if (!access.log) throw new DomainError('forbidden');
  const checked = await checkFields(deps, access, [row.studentId], change, row);
  const merged = {
    subject: change.subject ?? row.subject,
    focus: change.focus ?? row.focus,
    childWords: change.childWords ?? row.childWords,
    childWordsAudioId: change.childWordsAudioId !== undefined ? change.childWordsAudioId : row.childWordsAudioId,
    strengths: change.strengths ?? row.strengths,
    barriers: change.barriers ?? row.barriers,
    steps: change.steps ?? (await stepsOf(deps.db, [row.id])),
    stimulusMediaId: change.stimulusMediaId !== undefined ? change.stimulusMediaId : row.stimulusMediaId,
  };
  if (!hasContent(merged)) fail({ subject: 'conference_empty' });
  const { steps, postIds, goalIds, conferencers, ...plain } = change;
  const stimulus =
    change.stimulusPostId !== undefined || change.stimulusMediaId !== undefined
      ? { stimulusPostId: change.stimulusPostId !== undefined ? change.stimulusPostId : row.stimulusPostId, stimulusMediaId: checked.stimulusMediaId !== undefined ? checked.stimulusMediaId : row.stimulusMediaId }
      : {};
  await deps.db.transaction(async (tx) => {
    await updateConference(
      tx,
      row.id,
      { ...plain, ...stimulus, updatedAt: deps.now() },
      {
        ...(steps ? { steps: steps.map((s) => ({ text: s.text, owner: s.owner, dueOn: s.dueOn ?? null })) } : {}),
        ...(postIds ? { postIds } : {}),
        ...(goalIds ? { goalIds } : {}),
        ...(conferencers ? { people: [{ userId: row.authorRole === 'staff' && row.authorId ? row.authorId : access.actor.userId, role: ownRole(access) }, ...checked.people] } : {}),
      },
    );
  });
}

/** A teacher's review of a pupil conferencer's note: approve (families and the child see it) or return it with a comment. */
export async function reviewNote(deps: Deps, actor: Actor, conferenceId: string, decision: ReviewDecision, comment: string): Promise<void> {
  const { row, access } = await conferenceWithAccess(deps, actor, conferenceId);
  if (!access.log || row.authorRole !== 'pupil') throw new DomainError('forbidden');
  if (decision === 'return' && !comment) fail({ comment: 'required' });
  const to = reviewed(row.status, decision);
  if (!to) throw new DomainError('already_reviewed');
  if (to === row.status) return;
  const now = deps.now();
  const ok = await updateConferenceIf(deps.db, row.id, ['pending'], { status: to, reviewComment: comment || null, reviewedBy: access.actor.userId, reviewedAt: now, updatedAt: now });
  if (!ok) throw new DomainError('already_reviewed');
}

export async function markStep(deps: Deps, actor: Actor, conferenceId: string, stepId: string, done: boolean): Promise<void> {
  const { row, access } = await conferenceWithAccess(deps, actor, conferenceId);
  const step = await findStep(deps.db, row.id, stepId);
  if (!step) throw new DomainError('not_found');
  // The teacher ticks any step; the child their own.
  const childOwn = access.actor.student?.studentId === row.studentId && step.owner === 'child' && row.status === 'published';
  if (!access.log && !childOwn) throw new DomainError('forbidden');
  await updateStep(deps.db, step.id, { doneAt: done ? (step.doneAt ?? deps.now()) : null });
}

/** A next step becomes one of the child's goals (its words are the goal's); once only. */
export async function stepToGoal(deps: Deps, actor: Actor, conferenceId: string, stepId: string, measure: string): Promise<string> {
  const { row, access } = await conferenceWithAccess(deps, actor, conferenceId);
  const step = await findStep(deps.db, row.id, stepId);
  if (!step) throw new DomainError('not_found');
  if (row.status !== 'published' || !can(access.actor, 'goals.manage', access.subject)) throw new DomainError('forbidden');
  if (step.goalId) throw new DomainError('conflict');
  return deps.db.transaction(async (tx) => {
    const goalId = await createGoal({ ...deps, db: tx }, actor, row.studentId, { what: step.text, measure });
    if (!(await linkStepGoal(tx, step.id, goalId))) throw new DomainError('conflict');
    await updateConference(tx, row.id, {}, { goalIds: [...(await linksOf(tx, row.id)).goalIds, goalId] });
    return goalId;
  });
}
