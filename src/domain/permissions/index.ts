/**
 * Who may do what, in one place. `can(actor, action, subject)` is a pure lookup in `policy`: each
 * action lists the relationships that allow it, and anything not listed is denied.
 *
 * Worked example: Ms Okafor teaches Owls (class A). Ana is in Owls; her guardian is Luis.
 *   can(okafor, 'student.read', ana)  → true  (teacher-of-student: she teaches a class Ana is in)
 *   can(okafor, 'student.read', ben)  → false (Ben is in Hedgehogs; she is not an admin)
 *   can(luis,   'student.read', ana)  → true  (guardian-of-student)
 *   can(luis,   'class.read', owls)   → false (guardians see their children, not whole classes)
 * Every relationship is checked inside the subject's school, so a member of another school gets
 * nothing even with the same role.
 */
export type StaffRole = 'admin' | 'teacher' | 'assistant';

export interface AnonymousActor {
  kind: 'anonymous';
}

export interface UserActor {
  kind: 'user';
  userId: string;
  staff: ReadonlyArray<{ schoolId: string; role: StaffRole }>;
  /** Classes the person teaches, co-teaches or assists in. */
  teaches: ReadonlyArray<{ schoolId: string; classId: string }>;
  guardianOf: ReadonlyArray<{ schoolId: string; studentId: string }>;
  student: { schoolId: string; studentId: string; classIds: readonly string[] } | null;
  /** The children a pupil conferences (their active pairings as the conferencer). */
  partnerOf: ReadonlyArray<{ schoolId: string; studentId: string }>;
}

export type Actor = AnonymousActor | UserActor;

export type Subject =
  | { type: 'school'; schoolId: string }
  | { type: 'class'; schoolId: string; classId: string }
  | { type: 'student'; schoolId: string; studentId: string; classIds: readonly string[] }
  | { type: 'user'; userId: string };

export const relationships = [
  /** Anyone with a place in the subject's school: staff, guardian of a child there, or a child there. */
  'school-member',
  'school-staff',
  'school-admin',
  /** A child of the subject's school, signed in as themself. */
  'school-student',
  /** Teaches (or co-teaches, or assists in) the class — or a class the student is in. */
  'teacher-of-class',
  'teacher-of-student',
  'guardian-of-student',
  'student-self',
  /** A pupil paired by a teacher to conference the subject child (an older child, or a peer). */
  'conference-partner',
  /** The subject is the actor's own account. */
  'self',
] as const;
export type Relationship = (typeof relationships)[number];

export const policy = {
  'school.read': ['school-member'],
  'school.manage': ['school-admin'],
  /** Import, edit and export the school's classes, people and families. */
  'roster.manage': ['school-admin'],
  /** Every class of the school, not only one's own. */
  'class.listAll': ['school-admin'],
  'class.read': ['school-admin', 'teacher-of-class'],
  'student.read': ['school-admin', 'teacher-of-student', 'guardian-of-student', 'student-self'],
  /** Every guardian's name, email, phone and language: staff only. */
  'student.contacts.read': ['school-admin', 'teacher-of-student'],
  /**
   * A guardian's view of the child's family: their own details in full, co-guardians' names only,
   * and nothing of a guardian who attends separately (separated parents, protective orders).
   */
  'student.family.read': ['guardian-of-student'],
  /** Set a child's two sign-in pictures again (they forgot them): with the child, in class. */
  'student.pictures.reset': ['school-admin', 'teacher-of-student'],
  /** Invite a child's guardians to join (email or printed letter), and see whether they have. */
  'family.invite': ['school-admin', 'teacher-of-student'],
  /** A child's portfolio as families see it: approved posts, their comments. */
  'portfolio.read': ['school-admin', 'teacher-of-student', 'guardian-of-student', 'student-self'],
  /** Post to a child's portfolio: the child, or a teacher or assistant of their class (for them). */
  'portfolio.post': ['teacher-of-student', 'student-self'],
  /**
   * See a child's posts that wait for approval or were returned; approve or return them; hide a
   * comment. The child sees their own waiting and returned posts through `portfolio.own`.
   */
  'portfolio.review': ['school-admin', 'teacher-of-student'],
  'portfolio.own': ['student-self'],
  /** Comment on a child's approved post: their families and their teachers. */
  'portfolio.comment': ['teacher-of-student', 'guardian-of-student'],
  /** A class's portfolio settings (approve pupils' posts automatically) and its approval queue. */
  'class.portfolio.manage': ['school-admin', 'teacher-of-class'],
  /** Upload photos, recordings and files in a school (to post them). */
  'media.upload': ['school-staff', 'school-student'],
  /** The school's list of subjects and strands. */
  'portfolio.tags.manage': ['school-admin'],
  /** A class's success-criteria lists (and those its year group shares): read them, write them. */
  'criteria.read': ['school-admin', 'teacher-of-class'],
  'criteria.manage': ['school-admin', 'teacher-of-class'],
  /** The criteria a child works to (their classes' lists), to tick on their work and in reflections. */
  'student.criteria.read': ['school-admin', 'teacher-of-student', 'guardian-of-student', 'student-self'],
  /** Tick which criteria a piece shows: the child on their own work, or their teacher. */
  'post.criteria.tag': ['teacher-of-student', 'student-self'],
  /** Tag standards on a piece: the child's teachers. */
  'post.standards.tag': ['teacher-of-student'],
  /** Browse and search the school's standards frameworks. */
  'standards.read': ['school-staff'],
  /** Import CASE packages and write the school's own frameworks. */
  'standards.manage': ['school-admin'],
  /** The school's conference rounds (names and dates). */
  'round.read': ['school-member'],
  'round.manage': ['school-admin'],
  /** Book, change and cancel a child's conference: the child's guardians (their own household's meetings). */
  'booking.book': ['guardian-of-student'],
  /** Book on a family's behalf (phone-in families), move or cancel any meeting, see coverage and every day sheet. */
  'booking.manage': ['school-admin'],
  /** A member of staff's own day sheet and calendar feed (and moving their own meetings). */
  'booking.staff': ['school-staff'],
  /** A class's selection prompts for a round, and its readiness board. */
  'preparation.manage': ['school-admin', 'teacher-of-class'],
  /** A child's preparation (picks, reflections) as their teacher sees it; scaffolding notes, sending a reflection back. */
  'preparation.review': ['school-admin', 'teacher-of-student'],
  /** Pick pieces and answer the questions: the child themself. */
  'preparation.own': ['student-self'],
  /** A child's goals, check-ins and everyone's commitments; the goal page. */
  'goals.read': ['school-admin', 'teacher-of-student', 'guardian-of-student', 'student-self'],
  /** Set a goal, change what it is or its status, check in with evidence: the child and their teachers. */
  'goals.manage': ['teacher-of-student', 'student-self'],
  /** Write one's own commitment to a child's goal (each person only their own; see domain/goals). */
  'goals.commit': ['teacher-of-student', 'guardian-of-student', 'student-self'],
  /**
   * Conference day. The child presents their own agenda (their teacher can open it for them on a
   * class tablet); the child's teachers (and the admin) facilitate: timer, notes, attendance, the
   * agenda's order, the record. The booking's own teacher may too (features/conference/access.ts).
   */
  'conference.present': ['teacher-of-student', 'student-self'],
  'conference.facilitate': ['school-admin', 'teacher-of-student'],
  /** The family's side on their own phones: prompt cards, the live status page, their commitments. */
  'conference.family': ['guardian-of-student'],
  /** A finalised conference record: the child, their family, their teachers. */
  'record.read': ['school-admin', 'teacher-of-student', 'guardian-of-student', 'student-self'],
  /** Share a record with another adult by an expiring, revocable link (and see who opened it). */
  'record.share': ['guardian-of-student'],
  /** Turn sharing by link on or off for the whole school, or for one class. */
  'school.sharing.manage': ['school-admin'],
  'class.sharing.manage': ['school-admin', 'teacher-of-class'],
  /** Ask the teacher for private time about one's child (never shown to the child), and answer it. */
  'followup.request': ['guardian-of-student'],
  'followup.answer': ['school-admin', 'teacher-of-student'],
  /** "Was it worthwhile?" after a conference: the child and each guardian answer for themselves. */
  'survey.answer': ['guardian-of-student', 'student-self'],
  /** Survey results of a class (and, for the admin, of every class in a round), with comments. */
  'survey.results': ['school-admin', 'teacher-of-class'],
  /** The school's conferencing stages (types, prompts, who may ask) and whether families read pupil conferences. */
  'conferencing.settings': ['school-admin'],
  'conferencing.stages.read': ['school-staff'],
  /**
   * Log a pupil conference for a child, edit it, review a pupil conferencer's note, turn a next
   * step into a goal, triage the child's requests, pair a conferencer with them.
   */
  'conferencing.log': ['school-admin', 'teacher-of-student'],
  /** A child's published pupil conferences (guardians only where the school allows; domain/conferencing/log.ts). */
  'conferencing.read': ['school-admin', 'teacher-of-student', 'guardian-of-student', 'student-self'],
  /** Ask for a conference: the child themself. */
  'conferencing.request': ['student-self'],
  /** See the pieces shared with them and write a peer-conference note: the child's pupil conferencer. */
  'conferencing.partner': ['conference-partner'],
  /** A class's conferencing overview, requests queue and notes waiting for review. */
  'conferencing.class': ['school-admin', 'teacher-of-class'],
  /** A child's learning journey: posts, conferences and goals in one timeline. */
  'journey.read': ['school-admin', 'teacher-of-student', 'guardian-of-student', 'student-self'],
  'account.read': ['self'],
  'account.update': ['self'],
} as const satisfies Record<string, readonly Relationship[]>;

export type Action = keyof typeof policy;

function schoolOf(subject: Subject): string | null {
  return subject.type === 'user' ? null : subject.schoolId;
}

function holds(actor: UserActor, rel: Relationship, subject: Subject): boolean {
  const schoolId = schoolOf(subject);
  switch (rel) {
    case 'self':
      return subject.type === 'user' && subject.userId === actor.userId;
    case 'school-member':
      return (
        schoolId !== null &&
        (actor.staff.some((s) => s.schoolId === schoolId) ||
          actor.guardianOf.some((g) => g.schoolId === schoolId) ||
          actor.student?.schoolId === schoolId)
      );
    case 'school-staff':
      return schoolId !== null && actor.staff.some((s) => s.schoolId === schoolId);
    case 'school-student':
      return schoolId !== null && actor.student?.schoolId === schoolId;
    case 'school-admin':
      return schoolId !== null && actor.staff.some((s) => s.schoolId === schoolId && s.role === 'admin');
    case 'teacher-of-class':
      return subject.type === 'class' && actor.teaches.some((t) => t.schoolId === schoolId && t.classId === subject.classId);
    case 'teacher-of-student':
      return subject.type === 'student' && actor.teaches.some((t) => t.schoolId === schoolId && subject.classIds.includes(t.classId));
    case 'guardian-of-student':
      return subject.type === 'student' && actor.guardianOf.some((g) => g.schoolId === schoolId && g.studentId === subject.studentId);
    case 'student-self':
      return subject.type === 'student' && actor.student?.studentId === subject.studentId && actor.student.schoolId === schoolId;
    case 'conference-partner':
      return subject.type === 'student' && actor.student?.schoolId === schoolId && actor.partnerOf.some((p) => p.schoolId === schoolId && p.studentId === subject.studentId);
  }
}

export function can(actor: Actor, action: Action, subject: Subject): boolean {
  if (actor.kind !== 'user') return false;
  const allowed: readonly Relationship[] = policy[action];
  return allowed.some((rel) => holds(actor, rel, subject));
}

/** The roles a signed-in person has, for choosing their home page. */
export function rolesOf(actor: UserActor): Array<'admin' | 'teacher' | 'assistant' | 'guardian' | 'student'> {
  const roles = new Set<'admin' | 'teacher' | 'assistant' | 'guardian' | 'student'>();
  for (const s of actor.staff) roles.add(s.role);
  if (actor.guardianOf.length > 0) roles.add('guardian');
  if (actor.student) roles.add('student');
  return [...roles];
}
