/**
 * Everything a conference shows, read once: the child's picked pieces with their reflections (in
 * the order of the round's prompts), the strengths and next steps they marked, the round's goals with
 * everyone's commitments, who comes, and the agenda reconciled with today's picks. The live pages and
 * the record's snapshot are both made from this.
 */
import type { PieceView } from '../../../contracts/conference';
import { reconcileAgenda, type AgendaStep } from '../../../domain/conference/agenda';
import { localized } from '../../../domain/preparation/prompts';
import type { Deps } from '../../deps';
import type { MediaRow } from '../media/media.repo';
import { findBookingRound, interpreterNames, listRoundTeachers, userNames, type BookingRow } from '../booking/booking.repo';
import { listCommitments } from '../goals/goals.repo';
import { presentMedia } from '../portfolio/present-posts';
import { classesOfStudent, findStudentName, loadPostDetails } from '../portfolio/portfolio.repo';
import { answersOf, criteriaOfChild, findPostsByIds, listPrompts, marksOf, preparationsOf, selectionsOf } from '../preparation/preparation.repo';
import { findMediaMany } from '../media/media.repo';
import { goalsOfConference } from './conference.repo';
import type { ConferenceRow } from './conference.repo';

export interface GatheredPiece extends PieceView {
  /** The prompt's title and the teacher's questions in every language written (for the record). */
  promptTitles: Record<string, string>;
  questionTexts: Array<Record<string, string>>;
  /** Ids of the media shown (for the record's snapshot and its shared link). */
  mediaIds: string[];
  audioIds: Array<string | null>;
}

export interface Gathered {
  round: { id: string; name: string; slotMinutes: number; timeZone: string; schoolLocale: string };
  student: { id: string; givenName: string; familyName: string; className: string | null };
  teacher: { id: string; name: string; room: string | null; videoUrl: string | null };
  interpreter: { name: string } | null;
  attendees: Array<{ kind: 'guardian'; userId: string; name: string } | { kind: 'substitute'; name: string; relationship: string }>;
  pieces: GatheredPiece[];
  agenda: AgendaStep[];
  strengths: string[];
  workingOn: string[];
  goals: Array<{ id: string; what: string; measure: string; status: string; commitments: Array<{ userId: string; role: 'student' | 'teacher' | 'guardian'; name: string; text: string }> }>;
  scaffoldingNote: string | null;
}

export async function gather(deps: Deps, conference: ConferenceRow, booking: BookingRow, classIds: readonly string[]): Promise<Gathered> {
  const db = deps.db;
  const round = await findBookingRound(db, conference.roundId);
  const language = booking.language;
  const schoolLocale = round?.schoolLocale ?? 'en';
  const [child, classes, prompts, teachers, people, interpreters] = await Promise.all([
    findStudentName(db, conference.studentId),
    classesOfStudent(db, conference.studentId),
    listPrompts(db, conference.roundId, [...classIds]),
    listRoundTeachers(db, conference.roundId),
    userNames(db, [booking.teacherId, ...booking.attendees.flatMap((a) => (a.kind === 'guardian' ? [a.userId] : []))]),
    booking.interpreterId ? interpreterNames(db, [booking.interpreterId]) : Promise.resolve([]),
  ]);
  const picks = await selectionsOf(db, prompts.map((p) => p.id), [conference.studentId]);
  const promptOrder = new Map(prompts.map((p, i) => [p.id, i]));
  picks.sort((a, b) => (promptOrder.get(a.promptId) ?? 0) - (promptOrder.get(b.promptId) ?? 0) || a.position - b.position);
  const [answers, marks, postRows, criteriaRows, flags] = await Promise.all([
    answersOf(db, picks.map((s) => s.id)),
    marksOf(db, picks.map((s) => s.id)),
    findPostsByIds(db, picks.map((s) => s.postId)),
    criteriaOfChild(db, conference.schoolId, [...classIds]),
    preparationsOf(db, conference.roundId, [conference.studentId]),
  ]);
  const { items, mediaRows } = await loadPostDetails(db, postRows);
  const audioRows: MediaRow[] = await findMediaMany(db, answers.flatMap((a) => (a.audioMediaId ? [a.audioMediaId] : [])));
  const mediaById = new Map([...mediaRows, ...audioRows].map((m) => [m.id, m]));
  const postById = new Map(postRows.map((p) => [p.id, p]));
  const promptById = new Map(prompts.map((p) => [p.id, p]));

  const pieces: GatheredPiece[] = [];
  for (const s of picks) {
    const post = postById.get(s.postId);
    const prompt = promptById.get(s.promptId);
    if (!post || !prompt) continue;
    const mine = items.filter((i) => i.postId === post.id);
    const shown = mine.flatMap((i) => (i.mediaId && mediaById.get(i.mediaId)?.status === 'ready' ? [mediaById.get(i.mediaId)!] : []));
    const reflections = prompt.questions.flatMap((q) => {
      const a = answers.find((x) => x.selectionId === s.id && x.questionId === q.id);
      if (!a || (!a.text.trim() && !a.audioMediaId)) return [];
      const audio = a.audioMediaId ? mediaById.get(a.audioMediaId) : undefined;
      return [{ questionKey: q.key ?? null, question: q.text ? localized(q.text, language, schoolLocale) : null, questionTexts: (q.text ?? {}) as Record<string, string>, text: a.text, audio: audio && audio.status === 'ready' ? presentMedia(audio) : null, audioId: audio?.id ?? null }];
    });
    pieces.push({
      selectionId: s.id,
      postId: post.id,
      prompt: localized(prompt.title, language, schoolLocale),
      caption: post.caption,
      firstText: mine.find((i) => i.kind === 'text')?.text ?? null,
      firstKind: mine[0]?.kind ?? 'text',
      media: shown.map(presentMedia),
      mediaIds: shown.map((m) => m.id),
      reflections: reflections.map(({ audioId: _audioId, questionTexts: _texts, ...r }) => r),
      audioIds: reflections.map((r) => r.audioId),
      promptTitles: prompt.title as Record<string, string>,
      questionTexts: reflections.map((r) => r.questionTexts),
    });
  }
  const wording = new Map(criteriaRows.map((c) => [c.id, c.wording]));
  const marked = (kind: 'strength' | 'next_step') => [...new Set(marks.filter((m) => m.kind === kind).flatMap((m) => (wording.has(m.criterionId) ? [wording.get(m.criterionId)!] : [])))];

  const goalRows = await goalsOfConference(db, conference.roundId, conference.studentId);
  const commitments = await listCommitments(db, goalRows.map((g) => g.id));
  const names = new Map(people.map((p) => [p.userId, p.name]));
  const teacherRow = teachers.find((t) => t.userId === booking.teacherId);
  const className = classes[0]?.name ?? null;
  return {
    round: { id: conference.roundId, name: round?.name ?? '', slotMinutes: round?.slotMinutes ?? 20, timeZone: round?.timeZone ?? 'UTC', schoolLocale },
    student: { id: conference.studentId, givenName: child?.givenName ?? '', familyName: child?.familyName ?? '', className },
    teacher: { id: booking.teacherId, name: names.get(booking.teacherId) ?? '', room: teacherRow?.room ?? null, videoUrl: teacherRow?.videoUrl ?? null },
    interpreter: interpreters[0] ? { name: interpreters[0].name } : null,
    attendees: booking.attendees.map((a) => (a.kind === 'guardian' ? { kind: 'guardian' as const, userId: a.userId, name: names.get(a.userId) ?? '' } : a)),
    pieces,
    agenda: reconcileAgenda(conference.agenda, pieces.map((p) => p.selectionId)),
    strengths: marked('strength'),
    workingOn: marked('next_step'),
    goals: goalRows.map((g) => ({
      id: g.id,
      what: g.what,
      measure: g.measure,
      status: g.status,
      commitments: commitments.filter((c) => c.goalId === g.id).map((c) => ({ userId: c.userId, role: c.role, name: `${c.givenName} ${c.familyName}`.trim(), text: c.text })),
    })),
    scaffoldingNote: flags[0]?.scaffoldingNote ?? null,
  };
}
