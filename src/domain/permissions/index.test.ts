import { describe, expect, it } from 'vitest';
import { can, policy, rolesOf, type Action, type Actor, type Subject, type UserActor } from './index';

const S1 = 'school-1';
const S2 = 'school-2';
const base: Omit<UserActor, 'userId'> = { kind: 'user', staff: [], teaches: [], guardianOf: [], student: null, partnerOf: [] };
const people = {
  admin: { ...base, userId: 'admin', staff: [{ schoolId: S1, role: 'admin' }] },
  teacherA: { ...base, userId: 'ta', staff: [{ schoolId: S1, role: 'teacher' }], teaches: [{ schoolId: S1, classId: 'A' }] },
  teacherB: { ...base, userId: 'tb', staff: [{ schoolId: S1, role: 'teacher' }], teaches: [{ schoolId: S1, classId: 'B' }] },
  assistantA: { ...base, userId: 'aa', staff: [{ schoolId: S1, role: 'assistant' }], teaches: [{ schoolId: S1, classId: 'A' }] },
  guardianOfAna: { ...base, userId: 'ga', guardianOf: [{ schoolId: S1, studentId: 'ana' }] },
  guardianOfBen: { ...base, userId: 'gb', guardianOf: [{ schoolId: S1, studentId: 'ben' }] },
  ana: { ...base, userId: 'u-ana', student: { schoolId: S1, studentId: 'ana', classIds: ['A'] } },
  cleo: { ...base, userId: 'u-cleo', student: { schoolId: S1, studentId: 'cleo', classIds: ['A'] } },
  // A Year 5 child paired to conference Ana (and the same pairing row seen from another school: nothing).
  edward: { ...base, userId: 'u-edward', student: { schoolId: S1, studentId: 'edward', classIds: ['C'] }, partnerOf: [{ schoolId: S1, studentId: 'ana' }] },
  // Same role, same ids, another school: never enough.
  otherAdmin: { ...base, userId: 'oa', staff: [{ schoolId: S2, role: 'admin' }], teaches: [{ schoolId: S2, classId: 'A' }] },
} satisfies Record<string, UserActor>;
const anonymous: Actor = { kind: 'anonymous' };

const school: Subject = { type: 'school', schoolId: S1 };
const classA: Subject = { type: 'class', schoolId: S1, classId: 'A' };
const ana: Subject = { type: 'student', schoolId: S1, studentId: 'ana', classIds: ['A'] };

type Row = [Action, Subject, Array<keyof typeof people>];
const table: Row[] = [
  ['school.read', school, ['admin', 'teacherA', 'teacherB', 'assistantA', 'guardianOfAna', 'guardianOfBen', 'ana', 'cleo', 'edward']],
  ['school.manage', school, ['admin']],
  ['roster.manage', school, ['admin']],
  ['class.listAll', school, ['admin']],
  ['class.read', classA, ['admin', 'teacherA', 'assistantA']],
  ['student.read', ana, ['admin', 'teacherA', 'assistantA', 'guardianOfAna', 'ana']],
  ['student.contacts.read', ana, ['admin', 'teacherA', 'assistantA']],
  ['student.family.read', ana, ['guardianOfAna']],
  ['student.pictures.reset', ana, ['admin', 'teacherA', 'assistantA']],
  ['family.invite', ana, ['admin', 'teacherA', 'assistantA']],
  // Portfolios: families read approved posts; the child and their teachers post; teachers review.
  ['portfolio.read', ana, ['admin', 'teacherA', 'assistantA', 'guardianOfAna', 'ana']],
  ['portfolio.post', ana, ['teacherA', 'assistantA', 'ana']],
  ['portfolio.review', ana, ['admin', 'teacherA', 'assistantA']],
  ['portfolio.own', ana, ['ana']],
  ['portfolio.comment', ana, ['teacherA', 'assistantA', 'guardianOfAna']],
  ['class.portfolio.manage', classA, ['admin', 'teacherA', 'assistantA']],
  ['media.upload', school, ['admin', 'teacherA', 'teacherB', 'assistantA', 'ana', 'cleo', 'edward']],
  ['portfolio.tags.manage', school, ['admin']],
  // Criteria and standards: teachers of the class write criteria; the admin imports standards.
  ['criteria.read', classA, ['admin', 'teacherA', 'assistantA']],
  ['criteria.manage', classA, ['admin', 'teacherA', 'assistantA']],
  ['student.criteria.read', ana, ['admin', 'teacherA', 'assistantA', 'guardianOfAna', 'ana']],
  ['post.criteria.tag', ana, ['teacherA', 'assistantA', 'ana']],
  ['post.standards.tag', ana, ['teacherA', 'assistantA']],
  ['standards.read', school, ['admin', 'teacherA', 'teacherB', 'assistantA']],
  ['standards.manage', school, ['admin']],
  // Preparation: the teacher sets prompts and watches readiness; only the child picks and reflects.
  ['round.read', school, ['admin', 'teacherA', 'teacherB', 'assistantA', 'guardianOfAna', 'guardianOfBen', 'ana', 'cleo', 'edward']],
  ['round.manage', school, ['admin']],
  ['preparation.manage', classA, ['admin', 'teacherA', 'assistantA']],
  ['preparation.review', ana, ['admin', 'teacherA', 'assistantA']],
  ['preparation.own', ana, ['ana']],
  // Goals: families read and commit; the child and their teachers set and check in.
  ['goals.read', ana, ['admin', 'teacherA', 'assistantA', 'guardianOfAna', 'ana']],
  ['goals.manage', ana, ['teacherA', 'assistantA', 'ana']],
  ['goals.commit', ana, ['teacherA', 'assistantA', 'guardianOfAna', 'ana']],
  // Booking: a guardian books their own child; the admin books for anyone; staff see their own sheet.
  ['booking.book', ana, ['guardianOfAna']],
  ['booking.manage', school, ['admin']],
  ['booking.staff', school, ['admin', 'teacherA', 'teacherB', 'assistantA']],
  // Conference day: the child presents, their teachers facilitate, the family follows on a phone.
  ['conference.present', ana, ['teacherA', 'assistantA', 'ana']],
  ['conference.facilitate', ana, ['admin', 'teacherA', 'assistantA']],
  ['conference.family', ana, ['guardianOfAna']],
  ['record.read', ana, ['admin', 'teacherA', 'assistantA', 'guardianOfAna', 'ana']],
  ['record.share', ana, ['guardianOfAna']],
  ['school.sharing.manage', school, ['admin']],
  ['class.sharing.manage', classA, ['admin', 'teacherA', 'assistantA']],
  // The child never sees the private follow-up thread.
  ['followup.request', ana, ['guardianOfAna']],
  ['followup.answer', ana, ['admin', 'teacherA', 'assistantA']],
  ['survey.answer', ana, ['guardianOfAna', 'ana']],
  ['survey.results', classA, ['admin', 'teacherA', 'assistantA']],
  // Pupil conferencing: teachers log and review; only a paired conferencer sees the shared pieces.
  ['conferencing.settings', school, ['admin']],
  ['conferencing.stages.read', school, ['admin', 'teacherA', 'teacherB', 'assistantA']],
  ['conferencing.log', ana, ['admin', 'teacherA', 'assistantA']],
  ['conferencing.read', ana, ['admin', 'teacherA', 'assistantA', 'guardianOfAna', 'ana']],
  ['conferencing.request', ana, ['ana']],
  ['conferencing.partner', ana, ['edward']],
  ['conferencing.class', classA, ['admin', 'teacherA', 'assistantA']],
  ['journey.read', ana, ['admin', 'teacherA', 'assistantA', 'guardianOfAna', 'ana']],
];

describe('can()', () => {
  it.each(table)('%s on %o is allowed exactly for %j', (action, subject, allowed) => {
    for (const [name, actor] of Object.entries(people)) {
      expect(can(actor, action, subject), `${name} ${action}`).toBe(allowed.includes(name as keyof typeof people));
    }
    expect(can(anonymous, action, subject)).toBe(false);
  });

  it('lets a person read and change only their own account', () => {
    expect(can(people.ana, 'account.update', { type: 'user', userId: 'u-ana' })).toBe(true);
    expect(can(people.admin, 'account.update', { type: 'user', userId: 'u-ana' })).toBe(false);
  });

  it('covers every action in the policy table with a test row or the account rows', () => {
    const tested = new Set<string>([...table.map((r) => r[0]), 'account.read', 'account.update']);
    expect(Object.keys(policy).filter((a) => !tested.has(a))).toEqual([]);
  });

  it('tells a person’s roles for their home page', () => {
    expect(rolesOf(people.admin)).toEqual(['admin']);
    expect(rolesOf({ ...people.teacherA, guardianOf: people.guardianOfAna.guardianOf }).sort()).toEqual(['guardian', 'teacher']);
    expect(rolesOf(people.ana)).toEqual(['student']);
  });
});
