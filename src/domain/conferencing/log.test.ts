import { describe, expect, it } from 'vitest';
import { addDays, canReadConference, daysBetween, followUpsDue, peerEditable, peerTypeOf, reviewed, type ConferenceReader } from './log';

const nobody: ConferenceReader = { staff: false, self: false, guardian: false, author: false, familiesMayRead: true };

describe('who reads a pupil conference', () => {
  it('shows a published record to the child, their teachers and (if the school allows) their family', () => {
    expect(canReadConference({ ...nobody, self: true }, 'published')).toBe(true);
    expect(canReadConference({ ...nobody, staff: true }, 'published')).toBe(true);
    expect(canReadConference({ ...nobody, guardian: true }, 'published')).toBe(true);
    expect(canReadConference({ ...nobody, guardian: true, familiesMayRead: false }, 'published')).toBe(false);
    expect(canReadConference(nobody, 'published')).toBe(false);
  });

  it('keeps a pupil’s note waiting (or returned) to its writer and the teachers', () => {
    for (const status of ['pending', 'returned'] as const) {
      expect(canReadConference({ ...nobody, author: true }, status)).toBe(true);
      expect(canReadConference({ ...nobody, staff: true }, status)).toBe(true);
      expect(canReadConference({ ...nobody, self: true }, status)).toBe(false);
      expect(canReadConference({ ...nobody, guardian: true }, status)).toBe(false);
    }
  });
});

describe('reviewing a pupil’s note', () => {
  it('publishes or returns a pending note; the same decision again changes nothing; the other is refused', () => {
    expect(reviewed('pending', 'approve')).toBe('published');
    expect(reviewed('pending', 'return')).toBe('returned');
    expect(reviewed('published', 'approve')).toBe('published');
    expect(reviewed('published', 'return')).toBeNull();
    expect(reviewed('returned', 'approve')).toBeNull();
    expect(peerEditable('returned')).toBe(true);
    expect(peerEditable('published')).toBe(false);
  });

  it('calls an older pupil’s conference cross-age, a same-age one peer', () => {
    expect(peerTypeOf(5, 1)).toBe('cross_age');
    expect(peerTypeOf(3, 3)).toBe('peer');
  });
});

describe('follow-ups due', () => {
  const f = { conferenceId: 'c1', studentId: 'ana', heldOn: '2026-11-03', followUpOn: '2026-11-17' };
  it('shows one coming within a week, then late, until a later conference for the child', () => {
    expect(followUpsDue([f], new Map(), '2026-11-09')).toEqual([]);
    expect(followUpsDue([f], new Map(), '2026-11-12')).toEqual([{ ...f, daysLate: -5 }]);
    expect(followUpsDue([f], new Map([['ana', { heldOn: '2026-11-03', conferenceId: 'c1' }]]), '2026-11-18')).toEqual([{ ...f, daysLate: 1 }]);
    expect(followUpsDue([f], new Map([['ana', { heldOn: '2026-11-19', conferenceId: 'c2' }]]), '2026-11-20')).toEqual([]);
  });

  it('counts days across the end of a month and a clock change', () => {
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });
});
