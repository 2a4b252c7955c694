/**
 * The topics live pages stream (server/live/hub.ts). Whoever changes something publishes every
 * topic it touches:
 *   conference(id): its step, start and end, agenda, notes, outcomes — the presenter, the
 *     facilitator and the family's phone;
 *   teacherDay(teacherId): a conference of that teacher started or ended, so the expected times of
 *     everyone after it changed — the families' status pages and the interpreters'.
 */
export const topics = {
  conference: (conferenceId: string) => `conference:${conferenceId}`,
  teacherDay: (teacherId: string) => `teacher-day:${teacherId}`,
};
