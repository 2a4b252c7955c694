/**
 * Pure helpers of the child's presenter and the family's phone page: the picture cue of each step,
 * what a key press does, which question cards come first, and what the "what I do well / what I'm
 * working on" step shows when the child marked no criteria.
 *
 *   keyAction({ key: 'ArrowLeft' }, null, 'rtl') → 'next'   (Arabic reads right to left)
 *   keyAction({ key: ' ' }, { tagName: 'BUTTON' }, 'ltr') → null   (the button presses itself)
 *   orderedCards('piece') → about_assignment, skills_used, next_time (fit) then goals_set, how_help
 */
import type { AgendaStepView, ConferenceView, PieceView } from '../../../../contracts/conference';
import type { MediaView } from '../../../../contracts/portfolio';
import { cardsFor, familyCards, type FamilyCard } from '../../../../domain/conference/prompts';

/** An emoji for a step a pre-reader recognises (a piece shows its own picture when it has one). */
const kindIcon = { welcome: '👋', strengths: '⭐', goals: '🎯', questions: '❓', commitments: '🤝', custom: '📌' } as const;
const pieceIcon: Record<string, string> = { photo: '📷', drawing: '🎨', video: '🎬', audio: '🎤', text: '📝', file: '📎' };

export function stepIcon(step: AgendaStepView): string {
  return step.kind === 'piece' ? (pieceIcon[step.piece.firstKind] ?? '📝') : kindIcon[step.kind];
}

/** The small picture of a piece for its cue (its first photo or drawing), or null. */
export function thumbnailOf(piece: PieceView): string | null {
  const image = piece.media.find((m) => m.kind === 'image' && m.status === 'ready');
  return image ? (image.urls['sm.webp'] ?? image.urls['sm.jpg'] ?? null) : null;
}

/** The piece's media in the order to show them: pictures and video first, sound after, files last. */
export function mediaToShow(piece: PieceView): MediaView[] {
  const rank = { image: 0, video: 0, audio: 1, file: 2 } as const;
  return piece.media.filter((m) => m.status === 'ready').sort((a, b) => rank[a.kind] - rank[b.kind]);
}

export type KeyAction = 'next' | 'back' | 'first' | 'last' | null;

interface KeyLike {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
}
interface TargetLike {
  tagName: string;
  isContentEditable?: boolean;
}

/**
 * What a key does on the presenter. Arrows follow the reading direction; Space, Enter and Page
 * Down go on (Shift+Space and Page Up go back) — except where the key already means something: in
 * a text box, on a playing video or sound, and on a button or link (Space/Enter press it).
 */
export function keyAction(e: KeyLike, target: TargetLike | null, dir: 'ltr' | 'rtl'): KeyAction {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const tag = target?.tagName.toUpperCase() ?? '';
  if (target?.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'AUDIO', 'VIDEO'].includes(tag)) return null;
  const pressable = ['BUTTON', 'A', 'SUMMARY'].includes(tag);
  switch (e.key) {
    case 'ArrowRight':
      return dir === 'rtl' ? 'back' : 'next';
    case 'ArrowLeft':
      return dir === 'rtl' ? 'next' : 'back';
    case 'PageDown':
      return 'next';
    case 'PageUp':
      return 'back';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case ' ':
    case 'Spacebar':
      return pressable ? null : e.shiftKey ? 'back' : 'next';
    case 'Enter':
      return pressable ? null : 'next';
    default:
      return null;
  }
}

/** The five cards, those that fit the step the child is on first (all fit between steps). */
export function orderedCards(kind: AgendaStepView['kind'] | undefined): Array<{ card: FamilyCard; fits: boolean }> {
  const fit = new Set(cardsFor(kind));
  const all = fit.size === familyCards.length;
  return [...familyCards.filter((c) => fit.has(c)), ...familyCards.filter((c) => !fit.has(c))].map((card) => ({ card, fits: !all && fit.has(card) }));
}

export interface SaidItem {
  text: string;
  audio: MediaView | null;
}

/**
 * "What I do well" and "What I'm working on": the criteria the child marked, or, when they marked
 * none, what they answered to "What did I do well?" / "What would I make better?" about their pieces.
 */
export function strengthLists(view: Pick<ConferenceView, 'strengths' | 'workingOn' | 'agenda'>): { well: SaidItem[]; working: SaidItem[] } {
  const answers = (key: string) =>
    view.agenda.flatMap((s) => (s.kind === 'piece' ? s.piece.reflections.filter((r) => r.questionKey === key && (r.text.trim() || r.audio)).map((r) => ({ text: r.text.trim(), audio: r.audio })) : []));
  return {
    well: view.strengths.length > 0 ? view.strengths.map((text) => ({ text, audio: null })) : answers('did_well'),
    working: view.workingOn.length > 0 ? view.workingOn.map((text) => ({ text, audio: null })) : answers('make_better'),
  };
}

/** The step at `id`, its index, or the first step when the id is unknown (the agenda changed). */
export function stepIndex(agenda: readonly AgendaStepView[], id: string | null): number {
  const at = id ? agenda.findIndex((s) => s.id === id) : -1;
  return at < 0 ? 0 : at;
}

type Role = 'student' | 'teacher' | 'guardian';
export interface CommitmentRow {
  role: Role;
  userId: string | null;
  name: string;
  text: string | null;
  mine: boolean;
}

/**
 * Everyone's commitment to a goal, as the conference confirms them: the child, each guardian who
 * came, the teacher — with "not written yet" for those still to write, and anyone else who wrote
 * one (a guardian at home, a co-teacher) after them.
 */
export function commitmentRows(view: Pick<ConferenceView, 'attendees' | 'teacher' | 'student' | 'me'>, goal: ConferenceView['goals'][number]): CommitmentRow[] {
  const rows: CommitmentRow[] = [];
  const used = new Set<string>();
  const take = (role: Role, userId: string | null, name: string, isReader: boolean) => {
    const c = goal.commitments.find((x) => x.role === role && (userId === null || x.userId === userId) && !used.has(x.userId));
    if (c) used.add(c.userId);
    rows.push({ role, userId: c?.userId ?? userId, name: c?.name ?? name, text: c?.text ?? null, mine: isReader || (c !== undefined && c.userId === view.me.userId) });
  };
  // The child's own user id is not in the view: the reader is "the student" only when it is them.
  take('student', null, view.student.givenName, view.me.commitmentRole === 'student');
  for (const a of view.attendees) if (a.kind === 'guardian') take('guardian', a.userId, a.name, a.userId === view.me.userId);
  take('teacher', view.teacher.id, view.teacher.name, view.teacher.id === view.me.userId);
  for (const c of goal.commitments) if (!used.has(c.userId)) rows.push({ role: c.role, userId: c.userId, name: c.name, text: c.text, mine: c.userId === view.me.userId });
  // The reader's own row when they commit but were not listed (a guardian who did not book).
  if (view.me.commitmentRole && !rows.some((r) => r.mine)) rows.push({ role: view.me.commitmentRole, userId: view.me.userId, name: '', text: null, mine: true });
  return rows;
}
