import { describe, expect, it } from 'vitest';
import { expectedTimes, minutesToNextNotice, noticeDue, runningLateMinutes, type DayMeeting } from './late';

/** Ms Okafor's evening (the module's worked example): 20-minute meetings, a break 17:20–17:40. Times are UTC. */
const at = (hhmm: string) => new Date(`2026-10-23T${hhmm}:00.000Z`);
const meeting = (id: string, start: string, end: string, o: Partial<DayMeeting> = {}): DayMeeting => ({ id, startsAt: at(start), endsAt: at(end), status: 'scheduled', startedAt: null, endedAt: null, attendance: null, ...o });
const evening = (o: Record<string, Partial<DayMeeting>> = {}) => [
  meeting('amir', '16:00', '16:20', o.amir),
  meeting('bea', '16:20', '16:40', o.bea),
  meeting('cai', '16:40', '17:00', o.cai),
  meeting('dee', '17:00', '17:20', o.dee),
  meeting('eli', '17:40', '18:00', o.eli),
];
const hhmm = (d: Date) => d.toISOString().slice(11, 16);
const summary = (ms: ReturnType<typeof expectedTimes>) => ms.map((m) => `${m.id} ${m.state} ${hhmm(m.expectedStartsAt)}-${hhmm(m.expectedEndsAt)} +${m.delayMinutes} #${m.before}`);
const amirStarted = { status: 'in_progress' as const, startedAt: at('16:00'), attendance: 'attended' as const };

describe('expected times of a teacher’s day', () => {
  it('keeps everyone on schedule until the teacher has pressed anything', () => {
    // 16:45 and nothing started: no information, so no phantom delay; Amir's and Bea's times are over, so nobody waits behind them.
    expect(summary(expectedTimes(evening(), at('16:45')))).toEqual([
      'amir waiting 16:00-16:20 +0 #0',
      'bea waiting 16:20-16:40 +0 #0',
      'cai waiting 16:40-17:00 +0 #0',
      'dee waiting 17:00-17:20 +0 #1',
      'eli waiting 17:40-18:00 +0 #2',
    ]);
    expect(summary(expectedTimes(evening(), at('15:00'))).map((s) => s.split('#')[1])).toEqual(['0', '1', '2', '3', '4']);
  });

  it('pushes the meetings after one that runs on; the break absorbs it (the worked example at 16:32)', () => {
    const day = expectedTimes(evening({ amir: amirStarted }), at('16:32'));
    expect(summary(day)).toEqual([
      'amir in_progress 16:00-16:32 +0 #0',
      'bea waiting 16:32-16:52 +12 #1',
      'cai waiting 16:52-17:12 +12 #2',
      'dee waiting 17:12-17:32 +12 #3',
      'eli waiting 17:40-18:00 +0 #4',
    ]);
    expect(runningLateMinutes(day)).toBe(12);
  });

  it('grows the delay as the conference runs on, minute by minute', () => {
    expect(summary(expectedTimes(evening({ amir: amirStarted }), at('16:36'))).slice(1)).toEqual([
      'bea waiting 16:36-16:56 +16 #1',
      'cai waiting 16:56-17:16 +16 #2',
      'dee waiting 17:16-17:36 +16 #3',
      'eli waiting 17:40-18:00 +0 #4',
    ]);
  });

  it('gives an in-progress meeting its whole length before anyone is late', () => {
    // Started 16:05 (five minutes late), now 16:10: it is expected to end 16:25.
    expect(summary(expectedTimes(evening({ amir: { ...amirStarted, startedAt: at('16:05') } }), at('16:10'))).slice(0, 3)).toEqual([
      'amir in_progress 16:05-16:25 +5 #0',
      'bea waiting 16:25-16:45 +5 #1',
      'cai waiting 16:45-17:05 +5 #2',
    ]);
  });

  it('ends an ended meeting at endedAt: finishing early does not bring the next one forward', () => {
    const day = expectedTimes(evening({ amir: { status: 'ended', startedAt: at('16:00'), endedAt: at('16:15'), attendance: 'attended' } }), at('16:16'));
    expect(summary(day).slice(0, 3)).toEqual(['amir ended 16:00-16:15 +0 #0', 'bea waiting 16:20-16:40 +0 #0', 'cai waiting 16:40-17:00 +0 #1']);
    expect(runningLateMinutes(day)).toBe(0);
  });

  it('expects a meeting whose time has passed no earlier than now', () => {
    // Amir ended 16:18; it is 16:27 and Bea has not been started.
    const day = expectedTimes(evening({ amir: { status: 'ended', startedAt: at('16:00'), endedAt: at('16:18'), attendance: 'attended' } }), at('16:27'));
    expect(summary(day).slice(1, 3)).toEqual(['bea waiting 16:27-16:47 +7 #0', 'cai waiting 16:47-17:07 +7 #1']);
  });

  it('takes no time for a family that did not come', () => {
    // Amir ran to 16:36, Bea did not come: Cai starts on time.
    const day = expectedTimes(evening({ amir: { status: 'ended', startedAt: at('16:00'), endedAt: at('16:36'), attendance: 'attended' }, bea: { attendance: 'no_show' } }), at('16:37'));
    expect(summary(day).slice(1, 3)).toEqual(['bea no_show 16:20-16:20 +0 #0', 'cai waiting 16:40-17:00 +0 #0']);
  });

  it('does not let a passed-over meeting push the others', () => {
    // Bea was not there at 16:32; the teacher started Cai at 16:33 instead.
    const day = expectedTimes(
      evening({ amir: { status: 'ended', startedAt: at('16:00'), endedAt: at('16:32'), attendance: 'attended' }, cai: { status: 'in_progress', startedAt: at('16:33'), attendance: 'attended' } }),
      at('16:40'),
    );
    expect(summary(day)).toEqual([
      'amir ended 16:00-16:32 +0 #0',
      'bea passed_over 16:40-17:00 +20 #0',
      'cai in_progress 16:33-16:53 +0 #0',
      'dee waiting 17:00-17:20 +0 #1',
      'eli waiting 17:40-18:00 +0 #2',
    ]);
  });

  it('rounds delays to whole minutes and shows the projected start to the minute', () => {
    const day = expectedTimes(evening({ amir: amirStarted }), new Date(at('16:31').getTime() + 40_000));
    expect(day[1]).toMatchObject({ delayMinutes: 12, expectedStartsAt: at('16:32'), expectedEndsAt: at('16:52') });
  });

  it('orders the meetings by their scheduled start, whatever order they come in', () => {
    const day = expectedTimes([...evening({ amir: amirStarted })].reverse(), at('16:32'));
    expect(day.map((m) => m.id)).toEqual(['amir', 'bea', 'cai', 'dee', 'eli']);
  });

  it('projects nothing for a day that is over', () => {
    const day = expectedTimes(evening({ amir: { status: 'ended', startedAt: at('16:00'), endedAt: at('16:40'), attendance: 'attended' }, bea: { ...amirStarted, startedAt: at('16:41') } }), at('23:00'), { dayOver: true });
    expect(summary(day)).toEqual([
      'amir ended 16:00-16:40 +0 #0',
      'bea in_progress 16:41-17:01 +21 #0',
      'cai passed_over 16:40-17:00 +0 #1',
      'dee passed_over 17:00-17:20 +0 #1',
      'eli passed_over 17:40-18:00 +0 #1',
    ]);
  });

  it('handles an empty day', () => {
    expect(expectedTimes([], at('16:00'))).toEqual([]);
    expect(runningLateMinutes([])).toBe(0);
  });
});

describe('when to tell a family', () => {
  it('tells once the delay reaches the threshold, then again each time it grows by the threshold', () => {
    expect(noticeDue({ state: 'waiting', delayMinutes: 9 }, 10, 0)).toBe(false);
    expect(noticeDue({ state: 'waiting', delayMinutes: 12 }, 10, 0)).toBe(true);
    expect(noticeDue({ state: 'waiting', delayMinutes: 21 }, 10, 12)).toBe(false);
    expect(noticeDue({ state: 'waiting', delayMinutes: 22 }, 10, 12)).toBe(true);
  });

  it('never tells when notices are off (0), nor about a meeting that started or takes no time', () => {
    expect(noticeDue({ state: 'waiting', delayMinutes: 45 }, 0, 0)).toBe(false);
    for (const state of ['in_progress', 'ended', 'no_show', 'passed_over'] as const) expect(noticeDue({ state, delayMinutes: 45 }, 10, 0)).toBe(false);
  });

  it('says when a notice could first be due as the conference runs on', () => {
    const day = expectedTimes(evening({ amir: amirStarted }), at('16:24'));
    // Bea and Cai are 4 minutes late: 6 more minutes to 10; Eli's break leaves her 16 to go.
    const rules = new Map(['bea', 'cai', 'dee', 'eli'].map((id) => [id, { every: 10, lastTold: 0 }]));
    expect(minutesToNextNotice(day, rules)).toBe(6);
    // Bea and Cai were told at 12, Dee too: the next is at 22.
    const told = new Map([...rules].map(([id, r]) => [id, { ...r, lastTold: id === 'eli' ? 0 : 12 }]));
    expect(minutesToNextNotice(expectedTimes(evening({ amir: amirStarted }), at('16:32')), told)).toBe(10);
    // Already due: look again in a minute at the earliest.
    expect(minutesToNextNotice(expectedTimes(evening({ amir: amirStarted }), at('16:40')), rules)).toBe(1);
    expect(minutesToNextNotice(day, new Map([['bea', { every: 0, lastTold: 0 }]]))).toBeNull();
  });
});
