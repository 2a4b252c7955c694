import { describe, expect, it } from 'vitest';
import { availabilityOf, draftOf } from './availability';
import { doorName, fromLocalInput, nextDay, toLocalInput } from './format';

describe('datetime-local on the school’s wall clock', () => {
  it('shows an instant in the school’s zone, on both sides of a clock change', () => {
    expect(toLocalInput('2027-10-01T07:00:00Z', 'Europe/London')).toBe('2027-10-01T08:00'); // BST
    expect(toLocalInput('2027-11-01T08:00:00Z', 'Europe/London')).toBe('2027-11-01T08:00'); // GMT
    expect(toLocalInput('2027-11-01T08:00:00Z', 'Asia/Kolkata')).toBe('2027-11-01T13:30');
    expect(toLocalInput(null, 'Europe/London')).toBe('');
  });

  it('reads a typed time as the school’s, whatever zone this computer is in', () => {
    expect(fromLocalInput('2027-10-01T08:00', 'Europe/London')).toBe('2027-10-01T07:00:00Z');
    expect(fromLocalInput('2027-11-01T08:00', 'Europe/London')).toBe('2027-11-01T08:00:00Z');
    expect(fromLocalInput('2027-11-01T08:00', 'America/Chicago')).toBe('2027-11-01T13:00:00Z');
    expect(fromLocalInput('', 'Europe/London')).toBeNull();
  });

  it('sends what it cannot read as typed, for the server to refuse next to the field', () => {
    expect(fromLocalInput('tomorrow', 'Europe/London')).toBe('tomorrow');
  });

  it('round-trips', () => {
    const typed = '2028-03-26T09:15'; // the day the clocks go forward in Europe
    expect(toLocalInput(fromLocalInput(typed, 'Europe/Brussels'), 'Europe/Brussels')).toBe(typed);
  });

  it('finds the next day across a month end', () => {
    expect(nextDay('2027-10-31')).toBe('2027-11-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});

describe('door-sign names', () => {
  it('keeps the given name and the initial of the family name', () => {
    expect(doorName('Ava', 'Bramwell')).toBe('Ava B.');
    expect(doorName('Mary Ann ', ' Lee')).toBe('Mary Ann L.');
    expect(doorName('Özlem', 'öztürk')).toBe('Özlem Ö.');
    expect(doorName('Cher', '')).toBe('Cher');
  });
});

describe('availability drafts', () => {
  const sessions = [
    { id: 'a', startTime: '15:30', endTime: '19:00' },
    { id: 'b', startTime: '15:30', endTime: '19:00' },
  ];

  it('reads null as every session, whole, and sends it back as null', () => {
    const draft = draftOf(sessions, null);
    expect(draft.a?.mode).toBe('whole');
    expect(draft.b?.mode).toBe('whole');
    expect(availabilityOf(sessions, draft).value).toBeNull();
  });

  it('reads a missing session as not there and a window as part', () => {
    const draft = draftOf(sessions, [{ sessionId: 'a', start: '16:00', end: '17:30' }]);
    expect(draft.a).toEqual({ mode: 'part', windows: [{ start: '16:00', end: '17:30' }] });
    expect(draft.b?.mode).toBe('none');
  });

  it('sends the whole session for "whole" once another session differs, and says where each entry came from', () => {
    const draft = draftOf(sessions, null);
    draft.b = { mode: 'part', windows: [{ start: '16:00', end: '17:00' }, { start: '18:00', end: '19:00' }] };
    const { value, sources } = availabilityOf(sessions, draft);
    expect(value).toEqual([
      { sessionId: 'a', start: '15:30', end: '19:00' },
      { sessionId: 'b', start: '16:00', end: '17:00' },
      { sessionId: 'b', start: '18:00', end: '19:00' },
    ]);
    expect(sources[2]).toEqual({ sessionId: 'b', window: 1 });
  });

  it('sends nothing for a session the person is not there for', () => {
    const draft = draftOf(sessions, null);
    draft.a = { mode: 'none', windows: [] };
    expect(availabilityOf(sessions, draft).value).toEqual([{ sessionId: 'b', start: '15:30', end: '19:00' }]);
  });
});
