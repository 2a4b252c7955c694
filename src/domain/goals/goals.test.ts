import { describe, expect, it } from 'vitest';
import { goalIsSet, isOpen, isWritable, nextStatuses, statusChange } from './goals';

describe('goal life cycle', () => {
  it('lets the child or a teacher mark a working goal achieved, but not Confer', () => {
    expect(statusChange('working', 'achieved', 'student')).toEqual({ ok: true });
    expect(statusChange('working', 'achieved', 'teacher')).toEqual({ ok: true });
    expect(statusChange('working', 'achieved', 'system')).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('lets only a teacher reopen an achieved goal', () => {
    expect(statusChange('achieved', 'working', 'teacher')).toEqual({ ok: true });
    expect(statusChange('achieved', 'working', 'student')).toEqual({ ok: false, reason: 'not_allowed' });
    expect(statusChange('achieved', 'working', 'system')).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('carries forward only at the end of a period (Confer), and nothing leaves carried_forward', () => {
    expect(statusChange('working', 'carried_forward', 'system')).toEqual({ ok: true });
    expect(statusChange('working', 'carried_forward', 'teacher')).toEqual({ ok: false, reason: 'not_allowed' });
    expect(statusChange('achieved', 'carried_forward', 'system')).toEqual({ ok: false, reason: 'not_allowed' });
    for (const to of ['working', 'achieved'] as const) {
      for (const by of ['student', 'teacher', 'system'] as const) expect(statusChange('carried_forward', to, by).ok).toBe(false);
    }
  });

  it('says when nothing would change', () => {
    expect(statusChange('working', 'working', 'teacher')).toEqual({ ok: false, reason: 'unchanged' });
    expect(statusChange('achieved', 'achieved', 'student')).toEqual({ ok: false, reason: 'unchanged' });
  });

  it('lists the buttons each person gets', () => {
    expect(nextStatuses('working', 'student')).toEqual(['achieved']);
    expect(nextStatuses('working', 'teacher')).toEqual(['achieved']);
    expect(nextStatuses('achieved', 'teacher')).toEqual(['working']);
    expect(nextStatuses('achieved', 'student')).toEqual([]);
    expect(nextStatuses('carried_forward', 'teacher')).toEqual([]);
  });

  it('keeps achieved and carried-forward goals read-only; only working goals are open', () => {
    expect([isWritable('working'), isWritable('achieved'), isWritable('carried_forward')]).toEqual([true, false, false]);
    expect([isOpen('working'), isOpen('achieved'), isOpen('carried_forward')]).toEqual([true, false, false]);
  });
});

describe('goalIsSet (readiness board)', () => {
  it('needs what the goal is and the child’s own commitment', () => {
    expect(goalIsSet({ what: 'Write three sentences' }, [{ role: 'student', text: 'I will write every day.' }])).toBe(true);
    expect(goalIsSet({ what: '  ' }, [{ role: 'student', text: 'I will write every day.' }])).toBe(false);
    expect(goalIsSet({ what: 'Write three sentences' }, [])).toBe(false);
    expect(goalIsSet({ what: 'Write three sentences' }, [{ role: 'student', text: '   ' }])).toBe(false);
  });

  it('does not count the teacher’s or a guardian’s commitment as the child’s', () => {
    expect(goalIsSet({ what: 'Read every night' }, [{ role: 'teacher', text: 'I will check in weekly.' }, { role: 'guardian', text: 'I will read with him.' }])).toBe(false);
  });
});
