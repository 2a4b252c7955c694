/**
 * When a family can book, change and cancel, and who the people of a meeting are (the keys the
 * database's no-overlap constraint works on).
 */
export interface BookingWindow {
  bookingOpensAt: Date | null;
  /** null: booking stays open until the round's first meeting. */
  bookingClosesAt: Date | null;
  firstMeetingAt: Date | null;
}

export type BookingState = 'not_open' | 'open' | 'closed';

export function bookingState(window: BookingWindow, now: Date): BookingState {
  if (!window.bookingOpensAt || now < window.bookingOpensAt) return 'not_open';
  const closes = window.bookingClosesAt ?? window.firstMeetingAt;
  if (closes && now >= closes) return 'closed';
  return 'open';
}

/** Families can move or cancel a meeting until `cutoffHours` before it starts. */
export function changeDeadline(startsAt: Date, cutoffHours: number): Date {
  return new Date(startsAt.getTime() - cutoffHours * 3_600_000);
}

export function canFamilyChange(startsAt: Date, cutoffHours: number, now: Date): boolean {
  return now < changeDeadline(startsAt, cutoffHours);
}

export type AttendeeInput = { kind: 'guardian'; userId: string } | { kind: 'substitute'; name: string; relationship: string };

/** The person keys of one meeting: nobody among them may be in another meeting at the same time. */
export function peopleOf(meeting: { teacherId: string; studentId: string; interpreterId: string | null; householdUserId: string; attendees: readonly AttendeeInput[] }): string[] {
  const keys = new Set<string>([`teacher:${meeting.teacherId}`, `student:${meeting.studentId}`]);
  if (meeting.interpreterId) keys.add(`interpreter:${meeting.interpreterId}`);
  // The household account always stands for the family, whoever comes: two of a family's
  // meetings never overlap even when a grandparent goes to one of them.
  keys.add(`guardian:${meeting.householdUserId}`);
  for (const a of meeting.attendees) {
    if (a.kind === 'guardian') keys.add(`guardian:${a.userId}`);
  }
  return [...keys];
}
