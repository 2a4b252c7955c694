/**
 * Step titles: in the child's voice on the presenter ("My goals"), about the child on the family's
 * phone ("Ana’s goals"). `t` is the translator of the language they are shown in.
 */
import type { AgendaStepView, PieceView } from '../../../../contracts/conference';
import type { T } from '../../../lib/i18n';

/** A piece is called by the child's caption, else by the prompt it answers. */
export function pieceTitle(piece: PieceView): string {
  return piece.caption.trim() || piece.prompt.text;
}

export function presenterTitle(t: T, step: AgendaStepView | 'finished'): string {
  if (step === 'finished') return t('presenter.steps.finished');
  switch (step.kind) {
    case 'welcome':
      return t('presenter.steps.welcome');
    case 'piece':
      return t('presenter.steps.piece', { title: pieceTitle(step.piece) });
    case 'strengths':
      return t('presenter.steps.strengths');
    case 'goals':
      return t('presenter.steps.goals');
    case 'questions':
      return t('presenter.steps.questions');
    case 'commitments':
      return t('presenter.steps.commitments');
    case 'custom':
      return t('presenter.steps.custom', { title: step.title });
  }
}

export function familyStepTitle(t: T, step: AgendaStepView, name: string): string {
  switch (step.kind) {
    case 'welcome':
      return t('presenter.family.steps.welcome');
    case 'piece':
      return t('presenter.family.steps.piece', { title: pieceTitle(step.piece) });
    case 'strengths':
      return t('presenter.family.steps.strengths', { name });
    case 'goals':
      return t('presenter.family.steps.goals', { name });
    case 'questions':
      return t('presenter.family.steps.questions');
    case 'commitments':
      return t('presenter.family.steps.commitments');
    case 'custom':
      return t('presenter.family.steps.custom', { title: step.title });
  }
}

export function cardText(t: T, card: string): string {
  switch (card) {
    case 'about_assignment':
      return t('presenter.cards.about_assignment');
    case 'skills_used':
      return t('presenter.cards.skills_used');
    case 'next_time':
      return t('presenter.cards.next_time');
    case 'goals_set':
      return t('presenter.cards.goals_set');
    default:
      return t('presenter.cards.how_help');
  }
}

/** Our reflection questions in the child's voice (`conference.questions.*`), or null for a teacher's own. */
export function ourQuestion(t: T, key: string | null): string | null {
  switch (key) {
    case 'did_well':
      return t('conference.questions.did_well');
    case 'make_better':
      return t('conference.questions.make_better');
    case 'learned':
      return t('conference.questions.learned');
    default:
      return null;
  }
}
