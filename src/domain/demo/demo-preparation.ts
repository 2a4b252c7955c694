/**
 * The demo school's conference preparation: the autumn round (looking back on the Autumn report
 * period) and the selection prompts the Year 1 classes use — the seeds' grade-one teacher asked
 * for "your best writing, your best representing" — written in English with Spanish and Korean
 * for the school's families. One child has asked for help; the printed pupil has not started, so a
 * newcomer can try it. Pure data.
 */
/** Its dates follow the day the demo is seeded (demo-booking.ts `demoRoundDates`). */
export const demoRound = { name: 'Autumn student-led conferences', reportPeriodName: 'Autumn report' };

export const demoPrompts: Array<{ title: Record<string, string>; pickCount: number; questions: Array<{ key: 'did_well' | 'make_better' | 'learned' } | { text: Record<string, string> }> }> = [
  {
    title: { en: 'Your best writing', es: 'Tu mejor escritura', ko: '가장 잘 쓴 글' },
    pickCount: 1,
    questions: [{ key: 'did_well' }, { key: 'make_better' }],
  },
  {
    title: { en: 'Your best representing', es: 'Tu mejor representación', ko: '가장 잘 표현한 작품' },
    pickCount: 1,
    questions: [{ key: 'did_well' }, { text: { en: 'What does your picture show?', es: '¿Qué muestra tu dibujo?', ko: '그림에 무엇을 나타냈나요?' } }],
  },
];

/** Classes that have the prompts. */
export const demoPromptClasses = ['owls', 'hedgehogs'];

/** The Owls child (the one whose post waits for approval) who asked for help, and the teacher's note. */
export const demoHelpNote = 'Start with the picture: what did you draw first? Then tell me one thing you are proud of.';
