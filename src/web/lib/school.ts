import { useSession } from './session';

/** The school the signed-in admin manages (Confer shows one school at a time: the first). */
export function useSchoolId(): string | undefined {
  return useSession().me?.schools[0]?.id;
}
