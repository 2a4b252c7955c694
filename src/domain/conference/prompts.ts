/**
 * The words that help a conference along, as keys the locale files translate (`presenter.cards.*`,
 * `conference.scaffold.*`): the family's question cards, in the seeds' words, and the prompts a
 * teacher offers a child who stalls, for the step they are on.
 *
 *   scaffoldingFor('piece') → ['piece_tell', 'piece_did_well', 'piece_skills', 'piece_next_time']
 */
import type { AgendaStep } from './agenda';

/** "What can you tell me about this assignment?" … "How can I help you meet your goals?" */
export const familyCards = ['about_assignment', 'skills_used', 'next_time', 'goals_set', 'how_help'] as const;
export type FamilyCard = (typeof familyCards)[number];

const scaffolding: Record<AgendaStep['kind'], readonly string[]> = {
  welcome: ['welcome_introduce', 'welcome_plan'],
  piece: ['piece_tell', 'piece_did_well', 'piece_skills', 'piece_next_time'],
  strengths: ['strengths_good_at', 'strengths_working_on'],
  goals: ['goals_which', 'goals_how_know'],
  questions: ['questions_invite'],
  commitments: ['commitments_you', 'commitments_family'],
  custom: ['custom_tell'],
};

export function scaffoldingFor(kind: AgendaStep['kind']): readonly string[] {
  return scaffolding[kind];
}

/** The cards that fit the step the child is on (all of them between steps). */
export function cardsFor(kind: AgendaStep['kind'] | undefined): readonly FamilyCard[] {
  switch (kind) {
    case 'piece':
      return ['about_assignment', 'skills_used', 'next_time'];
    case 'goals':
    case 'commitments':
      return ['goals_set', 'how_help'];
    default:
      return familyCards;
  }
}
