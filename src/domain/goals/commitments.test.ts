import { describe, expect, it } from 'vitest';
import type { UserActor } from '../permissions/index';
import { commitmentRoleOf, mayWriteCommitment, stakeholderBoxes, type StudentSubject } from './commitments';

const school = 's1';
const ava: StudentSubject = { type: 'student', schoolId: school, studentId: 'ava', classIds: ['owls'] };
const person = (userId: string, extra: Partial<UserActor> = {}): UserActor => ({ kind: 'user', userId, staff: [], teaches: [], guardianOf: [], student: null, partnerOf: [], ...extra });

const avaHerself = person('u-ava', { student: { schoolId: school, studentId: 'ava', classIds: ['owls'] } });
const okafor = person('u-okafor', { staff: [{ schoolId: school, role: 'teacher' }], teaches: [{ schoolId: school, classId: 'owls' }] });
const assistant = person('u-ta', { staff: [{ schoolId: school, role: 'assistant' }], teaches: [{ schoolId: school, classId: 'owls' }] });
const marsh = person('u-marsh', { staff: [{ schoolId: school, role: 'teacher' }], teaches: [{ schoolId: school, classId: 'hedgehogs' }] });
const emma = person('u-emma', { guardianOf: [{ schoolId: school, studentId: 'ava' }] });
const otherParent = person('u-other', { guardianOf: [{ schoolId: school, studentId: 'ben' }] });
const admin = person('u-admin', { staff: [{ schoolId: school, role: 'admin' }] });
const ben = person('u-ben', { student: { schoolId: school, studentId: 'ben', classIds: ['owls'] } });
const elsewhere = person('u-far', { staff: [{ schoolId: 's2', role: 'teacher' }], teaches: [{ schoolId: 's2', classId: 'owls' }] });

describe('commitmentRoleOf', () => {
  it('gives the child, their teachers and assistants, and their guardians a role', () => {
    expect(commitmentRoleOf(avaHerself, ava)).toBe('student');
    expect(commitmentRoleOf(okafor, ava)).toBe('teacher');
    expect(commitmentRoleOf(assistant, ava)).toBe('teacher');
    expect(commitmentRoleOf(emma, ava)).toBe('guardian');
  });

  it('gives nobody else one: the admin, another class’s teacher, another family, another child, another school, nobody', () => {
    for (const actor of [admin, marsh, otherParent, ben, elsewhere]) expect(commitmentRoleOf(actor, ava)).toBeNull();
    expect(commitmentRoleOf({ kind: 'anonymous' }, ava)).toBeNull();
  });

  it('gives a teacher whose own child is in their class the guardian’s role (one commitment each)', () => {
    const both = person('u-both', { ...okafor, userId: 'u-both', guardianOf: [{ schoolId: school, studentId: 'ava' }] });
    expect(commitmentRoleOf(both, ava)).toBe('guardian');
  });
});

describe('mayWriteCommitment: each person only their own', () => {
  it('lets each stakeholder write their own', () => {
    for (const actor of [avaHerself, okafor, assistant, emma]) expect(mayWriteCommitment(actor, ava, actor.userId)).toBe(true);
  });

  it('never lets anyone write someone else’s — not the teacher, not the admin', () => {
    expect(mayWriteCommitment(okafor, ava, emma.userId)).toBe(false);
    expect(mayWriteCommitment(okafor, ava, avaHerself.userId)).toBe(false);
    expect(mayWriteCommitment(emma, ava, okafor.userId)).toBe(false);
    expect(mayWriteCommitment(avaHerself, ava, emma.userId)).toBe(false);
    expect(mayWriteCommitment(admin, ava, emma.userId)).toBe(false);
    expect(mayWriteCommitment(admin, ava, admin.userId)).toBe(false);
    expect(mayWriteCommitment(otherParent, ava, otherParent.userId)).toBe(false);
  });
});

describe('stakeholderBoxes', () => {
  it('shows the child, the teachers, then each guardian, then anyone else who wrote', () => {
    const boxes = stakeholderBoxes({ child: 'u-ava', teachers: ['u-okafor', 'u-kang'], guardians: ['u-emma', 'u-tom'] }, [{ userId: 'u-former', role: 'teacher' }, { userId: 'u-emma', role: 'guardian' }]);
    expect(boxes).toEqual([
      { userId: 'u-ava', role: 'student' },
      { userId: 'u-okafor', role: 'teacher' },
      { userId: 'u-kang', role: 'teacher' },
      { userId: 'u-former', role: 'teacher' },
      { userId: 'u-emma', role: 'guardian' },
      { userId: 'u-tom', role: 'guardian' },
    ]);
  });

  it('gives a person with two roles one box', () => {
    expect(stakeholderBoxes({ child: 'c', teachers: ['t', 'both'], guardians: ['both'] }, [])).toEqual([
      { userId: 'c', role: 'student' },
      { userId: 't', role: 'teacher' },
      { userId: 'both', role: 'guardian' },
    ]);
  });
});
