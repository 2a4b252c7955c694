/** The demo school's conference round and Year 1 selection prompts (src/domain/demo/demo-preparation.ts). */
import { randomUUID } from 'node:crypto';
import { demoHelpNote, demoPromptClasses, demoPrompts, demoRound } from '../../../domain/demo/demo-preparation';
import type { DemoSchool } from '../../../domain/demo/demo-school';
import { demoRoundDates } from '../../../domain/demo/demo-booking';
import { wallClockOf } from '../../../domain/booking/slots';
import type { Deps } from '../../deps';
import { insertPrompt, insertRound, reportPeriodByName, savePreparation } from '../preparation/preparation.repo';
import type { DemoIds } from './seed-demo-portfolio';
import { demoSignIns } from './seed-demo-school';

export async function seedDemoPreparation(deps: Pick<Deps, 'db' | 'media' | 'now'>, demo: DemoSchool, ids: DemoIds): Promise<void> {
  const reportPeriodId = (await reportPeriodByName(deps.db, ids.schoolId, demoRound.reportPeriodName)) ?? null;
  const admin = demo.staff.find((s) => s.role === 'admin');
  const dates = demoRoundDates(wallClockOf(deps.now(), demo.school.timeZone).date);
  const roundId = await insertRound(deps.db, { schoolId: ids.schoolId, name: demoRound.name, startsOn: dates.startsOn, endsOn: dates.endsOn, reportPeriodId, createdBy: ids.staffId.get(admin?.key ?? '') ?? null });
  for (const classKey of demoPromptClasses) {
    const classId = ids.classId.get(classKey);
    if (!classId) continue;
    const teacher = demo.classes.find((c) => c.key === classKey)?.teachers[0]?.staffKey;
    for (const p of demoPrompts) {
      await insertPrompt(deps.db, {
        schoolId: ids.schoolId,
        roundId,
        classId,
        title: p.title,
        pickCount: p.pickCount,
        questions: p.questions.map((q) => ({ id: randomUUID(), ...q })),
        createdBy: ids.staffId.get(teacher ?? '') ?? null,
      });
    }
  }
  // Another Owls child than the printed one has asked for help; their teacher wrote how to help.
  const printed = demoSignIns(demo).child;
  const helped = demo.students.find((s) => s.classKey === 'owls' && s.key !== printed?.key);
  const helpedId = helped ? ids.studentId.get(helped.key) : undefined;
  if (helpedId) {
    const teacher = ids.staffId.get(demo.classes.find((c) => c.key === 'owls')?.teachers[0]?.staffKey ?? '');
    await savePreparation(deps.db, roundId, helpedId, { needsHelp: true, scaffoldingNote: demoHelpNote, ...(teacher ? { scaffoldingNoteBy: teacher } : {}) }, deps.now());
  }
}
