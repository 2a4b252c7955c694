import { describe, expect, it } from 'vitest';
import { bookingState, canFamilyChange, peopleOf } from './rules';

describe('booking rules', () => {
  const opens = new Date('2026-10-19T08:00:00Z');
  const first = new Date('2026-10-23T14:30:00Z');
  it('is open from the opening until the close, or until the first meeting', () => {
    expect(bookingState({ bookingOpensAt: null, bookingClosesAt: null, firstMeetingAt: first }, opens)).toBe('not_open');
    expect(bookingState({ bookingOpensAt: opens, bookingClosesAt: null, firstMeetingAt: first }, new Date('2026-10-19T07:59:59Z'))).toBe('not_open');
    expect(bookingState({ bookingOpensAt: opens, bookingClosesAt: null, firstMeetingAt: first }, opens)).toBe('open');
    expect(bookingState({ bookingOpensAt: opens, bookingClosesAt: null, firstMeetingAt: first }, first)).toBe('closed');
    expect(bookingState({ bookingOpensAt: opens, bookingClosesAt: new Date('2026-10-21T12:00:00Z'), firstMeetingAt: first }, new Date('2026-10-21T12:00:00Z'))).toBe('closed');
  });
  it('lets the family change until the cut-off', () => {
    expect(canFamilyChange(first, 24, new Date('2026-10-22T14:29:59Z'))).toBe(true);
    expect(canFamilyChange(first, 24, new Date('2026-10-22T14:30:00Z'))).toBe(false);
  });
  it('counts the teacher, the child, the interpreter, the household and the guardians who come', () => {
    expect(
      peopleOf({ teacherId: 't', studentId: 's', interpreterId: 'i', householdUserId: 'mum', attendees: [{ kind: 'guardian', userId: 'dad' }, { kind: 'substitute', name: 'Gran', relationship: 'grandmother' }] }).sort(),
    ).toEqual(['guardian:dad', 'guardian:mum', 'interpreter:i', 'student:s', 'teacher:t']);
  });
});
