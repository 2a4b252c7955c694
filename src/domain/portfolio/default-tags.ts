/**
 * The subjects and strands a school starts with (it edits the list). Taken from the seeds: Kathy
 * Cassidy's grade one tags writing, reading and representing (strands of language arts), numeracy,
 * projects from inquiry units, and ICT. Names are the school's data, in its language.
 */
export interface DefaultTag {
  name: string;
  strands?: string[];
}

export const defaultTags: Record<string, DefaultTag[]> = {
  en: [
    { name: 'Language arts', strands: ['Writing', 'Reading', 'Representing', 'Speaking and listening'] },
    { name: 'Numeracy' },
    { name: 'Project' },
    { name: 'ICT' },
    { name: 'Science' },
    { name: 'Art' },
  ],
};
