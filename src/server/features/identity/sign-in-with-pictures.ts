import { DomainError } from '../../../domain/errors';
import { picturePasswordSecret, type PasswordPictureKey } from '../../../domain/pictures';
import type { Deps } from '../../deps';
import { verifySecret } from '../../lib/secrets';
import { beginAttempt } from './account-lock';
import { findClassByCode, findEnrolledStudentSecret, listClassForPictureSignIn } from './identity.repo';
import { startSession, type StartedSession } from './start-session';

/** Step 1: the class code (typed, or read from the class's printed QR code) → the children's pictures. */
export async function findClassForSignIn(deps: Deps, classCode: string) {
  const found = await findClassByCode(deps.db, classCode);
  if (!found) throw new DomainError('class_code_unknown', { fields: { classCode: 'class_code_unknown' } });
  const students = await listClassForPictureSignIn(deps.db, found.id);
  return { classId: found.id, className: found.name, students };
}

/** Step 2: the child taps their own picture, then their two pictures in order. */
export async function signInWithPictures(
  deps: Deps,
  input: { classCode: string; studentId: string; pictures: readonly PasswordPictureKey[]; ip: string },
): Promise<StartedSession> {
  const found = await findClassByCode(deps.db, input.classCode);
  if (!found) throw new DomainError('class_code_unknown', { fields: { classCode: 'class_code_unknown' } });
  const attempt = await beginAttempt(deps, `student:${input.studentId}`, 'pictures', input.ip);
  const student = await findEnrolledStudentSecret(deps.db, found.id, input.studentId);
  const ok = await verifySecret(picturePasswordSecret(input.pictures), student?.picturePasswordHash);
  if (!student || !ok) return attempt.failed();
  await attempt.succeeded();
  return startSession(deps, student.userId, 'pictures');
}
