/**
 * A round's conference results as CSV, for the school's own records: one row per child of the
 * classes taking part — their meeting (when, with whom, how, who came or is coming, interpreter,
 * the family's note), whether they came and the record's finalised version once the conference
 * has happened, and the goals set for the round with each person's commitment. Headers in the
 * admin's language; times in the school's zone.
 */
import { stringify } from 'csv-stringify/sync';
import type { LocaleTag } from '../../../contracts/locales';
import { wallClockOf } from '../../../domain/booking/slots';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { authorize } from '../school/authorize';
import { childrenOfRound, goalsOfRound } from './booking.repo';
import { conferencesOfBookings } from '../conference/conference.repo';
import { bookingRound } from './book';
import { attendeeLabel } from './notify';
import { presentBookings } from './present';
import { loadRoundTimes } from './round-times';

const BOM = '\uFEFF';
/** CRLF for spreadsheets; a cell starting = + - @ is written with a leading ' (see roster export). */
const CSV_OPTIONS = { record_delimiter: '\r\n', escape_formulas: true } as const;

export async function exportRoundResultsCsv(deps: Deps, actor: Actor, roundId: string, locale: LocaleTag): Promise<{ csv: string; name: string }> {
  const now = deps.now();
  const round = await bookingRound(deps, actor, roundId);
  authorize(actor, 'booking.manage', { type: 'school', schoolId: round.schoolId });
  const [times, children, goals] = await Promise.all([loadRoundTimes(deps.db, round, now), childrenOfRound(deps.db, round.id), goalsOfRound(deps.db, round.id)]);
  const confirmed = await presentBookings(deps.db, round, times.live.filter((b) => b.status === 'confirmed'), now);
  const conferenceOf = new Map((await conferencesOfBookings(deps.db, confirmed.map((b) => b.id))).map((c) => [c.bookingId, c]));
  const say = (key: string, values?: Record<string, string>) => deps.i18n.t(locale, `rounds.export.${key}`, values);
  const header = ['givenName', 'familyName', 'class', 'teacher', 'date', 'time', 'status', 'mode', 'language', 'interpreter', 'coming', 'note', 'privateTime', 'attendance', 'record', 'goals'].map((k) => say(`columns.${k}`));
  const seen = new Set<string>();
  const body: string[][] = [];
  for (const c of children) {
    if (seen.has(c.studentId)) continue;
    seen.add(c.studentId);
    const meetings = confirmed.filter((b) => b.student.id === c.studentId);
    const goalText = goals
      .filter((g) => g.studentId === c.studentId)
      .map((g) => [g.what, g.measure, say(`goalStatus.${g.status}`), ...g.commitments.map((m) => `${m.name}: ${m.text}`)].filter(Boolean).join(' — '))
      .join('\n');
    const base = [c.givenName, c.familyName, c.className];
    if (meetings.length === 0) body.push([...base, '', '', '', say('status.not_booked'), '', '', '', '', '', '', '', '', goalText]);
    for (const b of meetings) {
      const when = wallClockOf(new Date(b.startsAt), round.timeZone);
      const conference = conferenceOf.get(b.id);
      body.push([
        ...base,
        b.teacher.name,
        when.date,
        when.time,
        say('status.booked'),
        say(`mode.${b.mode}`),
        b.language,
        b.interpreter?.name ?? '',
        b.attendees.map((a) => attendeeLabel(deps, locale, a.kind === 'guardian' ? { name: a.name, relationship: null } : a)).join('; '),
        b.note,
        b.privateTime ? say('yes') : '',
        conference?.attendance ? say(`attendance.${conference.attendance}`) : '',
        conference?.finalisedAt ? say('recordFinalised', { version: String(conference.recordVersion) }) : '',
        goalText,
      ]);
    }
  }
  const slug = round.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'round';
  return { csv: BOM + stringify([header, ...body], CSV_OPTIONS), name: `confer-${slug}-results-${now.toISOString().slice(0, 10)}.csv` };
}
