/**
 * Choosing times for the children not booked yet: suggested sequences first (all the children's
 * meetings one after another, walking time between rooms included) as big cards — one tap holds
 * them — then "Choose times myself" with each child's free times; and the waiting list when
 * nothing fits.
 */
import { useId, useState } from 'react';
import type { FamilyOptions, HoldView } from '../../../contracts/booking';
import { NOTE_MAX } from '../../../contracts/booking';
import { ErrorNotice, FieldShell, Name } from '../../components/ui';
import { api, ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { LanguageName, rich, When, type ZoneFormat } from './format';
import { WithWhom } from './meeting';
import { TimePicker } from './time-picker';

type Child = FamilyOptions['children'][number];
type Sequence = FamilyOptions['sequences'][number];

/** Children who still need a time: in a class taking part, not booked (a cancelled or lapsed booking does not count). */
export function unbookedChildren(family: FamilyOptions): Child[] {
  return family.children.filter((c) => c.teacher && (!c.booking || c.booking.status === 'cancelled' || c.booking.status === 'expired'));
}

/** Errors after which the times on screen are out of date: they are loaded again. */
export const staleCodes = new Set(['slot_taken', 'not_a_slot', 'already_booked', 'no_interpreter', 'booking_closed', 'booking_not_open', 'hold_expired']);

function HoldError({ error }: { error: unknown }) {
  const t = useT();
  if (error instanceof ApiError && (error.code === 'slot_taken' || error.code === 'not_a_slot')) {
    return (
      <p className="notice notice-error" role="alert">
        {t('booking.errors.taken')}
      </p>
    );
  }
  return <ErrorNotice error={error} />;
}

export function ChooseTimes({ family, fmt, householdParam, onHeld, onStale, onWaitlisted }: { family: FamilyOptions; fmt: ZoneFormat; householdParam: string | null; onHeld(hold: HoldView): void; onStale(): void; onWaitlisted(message: string): void }) {
  const t = useT();
  const id = useId();
  const children = unbookedChildren(family);
  const waiting = new Set(children.map((c) => c.studentId));
  const sequences = family.sequences.filter((s) => s.meetings.length > 0 && s.meetings.every((m) => waiting.has(m.studentId)));
  const choosable = children.filter((c) => c.free.length > 0);
  const [mine, setMine] = useState(sequences.length === 0);
  const [picks, setPicks] = useState<Record<string, string>>({});
  const [overlap, setOverlap] = useState(false);
  const hold = useAction();

  const holdMeetings = (meetings: Array<{ studentId: string; startsAt: string }>) =>
    hold.run(async () => {
      try {
        const held = await api<HoldView>('POST', `/api/rounds/${family.round.id}/holds`, { meetings, ...(householdParam ? { householdUserId: householdParam } : {}) });
        onHeld(held);
      } catch (err) {
        if (err instanceof ApiError && staleCodes.has(err.code)) {
          setPicks({});
          onStale();
        }
        throw err;
      }
    });

  if (children.length === 0) return null;
  const interpreted = children.filter((c) => c.needsInterpreter);
  const showMine = mine || sequences.length === 0;
  return (
    <>
      {interpreted.length ? (
        <ul className="plain-list fb-interpreters">
          {interpreted.map((c) => (
            <li key={c.studentId} className="notice fb-interpreter">
              <span aria-hidden="true">🗣️ </span>
              {rich(t, 'booking.choose.interpreter', { child: <Name>{c.name}</Name>, language: <LanguageName tag={family.language} /> })}
            </li>
          ))}
        </ul>
      ) : null}
      <HoldError error={hold.error} />
      {sequences.length ? (
        <section aria-labelledby={`${id}-suggested`}>
          <h2 id={`${id}-suggested`}>{t('booking.choose.suggestedTitle')}</h2>
          <p className="hint">{children.length > 1 ? t('booking.choose.suggestedHint', { walk: family.round.walkMinutes }) : t('booking.choose.suggestedHintOne')}</p>
          <ul className="fb-sequences">
            {sequences.map((s) => (
              <li key={s.meetings.map((m) => m.startsAt).join()}>
                <SequenceCard sequence={s} family={family} fmt={fmt} busy={hold.busy} onChoose={() => void holdMeetings(s.meetings.map((m) => ({ studentId: m.studentId, startsAt: m.startsAt })))} />
              </li>
            ))}
          </ul>
          <p>
            <button type="button" className="button" aria-expanded={mine} aria-controls={`${id}-mine`} onClick={() => setMine((m) => !m)}>
              {t('booking.choose.myself')}
            </button>
          </p>
        </section>
      ) : null}
      <div id={`${id}-mine`} hidden={!showMine}>
        {showMine ? (
          <section aria-labelledby={`${id}-mine-title`}>
            <h2 id={`${id}-mine-title`}>{t('booking.choose.mineTitle')}</h2>
            {fmt.otherZone ? <p className="hint">{t('booking.choose.zone', { zone: fmt.otherZone })}</p> : null}
            {choosable.length ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (hold.busy) return;
                  const chosen = choosable.filter((c) => picks[c.studentId]).map((c) => ({ child: c, slot: c.free.find((s) => s.startsAt === picks[c.studentId])! }));
                  const clash = chosen.some((a, i) => chosen.some((b, j) => i !== j && Date.parse(a.slot.startsAt) < Date.parse(b.slot.endsAt) && Date.parse(b.slot.startsAt) < Date.parse(a.slot.endsAt)));
                  setOverlap(clash);
                  if (clash || chosen.length === 0) return;
                  void holdMeetings(chosen.map((x) => ({ studentId: x.child.studentId, startsAt: x.slot.startsAt })));
                }}
              >
                {choosable.map((c) => (
                  <TimePicker
                    key={c.studentId}
                    legend={<WithWhom child={c.name} teacher={c.teacher!.name} room={c.teacher!.room} />}
                    slots={c.free}
                    value={picks[c.studentId] ?? null}
                    onChange={(v) => setPicks((p) => ({ ...p, [c.studentId]: v }))}
                    fmt={fmt}
                  />
                ))}
                {overlap ? (
                  <p className="notice notice-error" role="alert">
                    {t('booking.choose.overlap')}
                  </p>
                ) : null}
                <p className="fb-submit">
                  <button type="submit" className="button button-primary button-submit" aria-disabled={hold.busy || Object.keys(picks).length === 0 || undefined}>
                    {t('booking.choose.hold', { count: Object.keys(picks).length })}
                  </button>
                </p>
                <p className="hint">{t('booking.choose.holdHint', { minutes: family.round.holdMinutes })}</p>
              </form>
            ) : null}
            {children
              .filter((c) => c.free.length === 0)
              .map((c) => (
                <p key={c.studentId} className="notice fb-none">
                  {rich(t, 'booking.choose.noTimes', { child: <Name>{c.name}</Name>, teacher: <Name>{c.teacher!.name}</Name> })}
                </p>
              ))}
          </section>
        ) : null}
      </div>
      <Waitlist family={family} pending={children} householdParam={householdParam} onJoined={onWaitlisted} />
    </>
  );
}

function SequenceCard({ sequence, family, fmt, busy, onChoose }: { sequence: Sequence; family: FamilyOptions; fmt: ZoneFormat; busy: boolean; onChoose(): void }) {
  const t = useT();
  const days = new Set(sequence.meetings.map((m) => fmt.dayKey(m.startsAt)));
  const oneDay = days.size === 1;
  const first = sequence.meetings[0]!;
  return (
    <button type="button" className="fb-sequence" aria-disabled={busy || undefined} onClick={() => !busy && onChoose()}>
      {oneDay ? (
        <span className="fb-sequence-day">
          <When>{fmt.day(first.startsAt)}</When>
        </span>
      ) : null}
      {sequence.meetings.map((m, i) => {
        const child = family.children.find((c) => c.studentId === m.studentId);
        return (
          <span key={m.studentId} className="fb-sequence-meeting">
            {i > 0 ? (
              <span className="fb-sequence-then">
                <span aria-hidden="true">↓ </span>
                <span className="visually-hidden">{t('booking.choose.then')} </span>
              </span>
            ) : null}
            <span className="fb-sequence-time">
              <When>{oneDay ? fmt.time(m.startsAt) : fmt.dateTime(m.startsAt)}</When>
            </span>{' '}
            <span className="fb-sequence-who">
              <WithWhom child={child?.name ?? ''} teacher={child?.teacher?.name ?? ''} room={child?.teacher?.room ?? null} />
            </span>
          </span>
        );
      })}
      {sequence.meetings.length > 1 ? <span className="fb-sequence-meta">{sequence.waitMinutes > 0 ? t('booking.choose.wait', { minutes: sequence.waitMinutes }) : t('booking.choose.noWait')}</span> : null}
      <span className="fb-sequence-action">{t('booking.choose.take', { count: sequence.meetings.length })}</span>
    </button>
  );
}

function Waitlist({ family, pending, householdParam, onJoined }: { family: FamilyOptions; pending: Child[]; householdParam: string | null; onJoined(message: string): void }) {
  const t = useT();
  const id = useId();
  const listed = pending.filter((c) => c.waitlisted);
  const candidates = pending.filter((c) => !c.waitlisted);
  const stuck = candidates.filter((c) => c.free.length === 0);
  const [chosen, setChosen] = useState<string[]>(() => (stuck.length ? stuck : candidates).map((c) => c.studentId));
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  // Offered whenever a child still needs a time: the times shown may all be wrong for the family.
  const offer = candidates.length > 0;
  return (
    <>
      {listed.length ? (
        <ul className="plain-list fb-waitlisted">
          {listed.map((c) => (
            <li key={c.studentId} className="notice notice-ok">
              {rich(t, 'booking.waitlist.on', { child: <Name>{c.name}</Name> })}
            </li>
          ))}
        </ul>
      ) : null}
      {offer ? (
        <section className="card fb-waitlist" aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`}>{t('booking.waitlist.title')}</h2>
          <p>{t('booking.waitlist.lead')}</p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (busy || chosen.length === 0) return;
              void run(async () => {
                await api('POST', `/api/rounds/${family.round.id}/waitlist`, { studentIds: chosen, note: note.trim(), ...(householdParam ? { householdUserId: householdParam } : {}) });
                onJoined(t('booking.waitlist.joined'));
              });
            }}
          >
            {candidates.length > 1 ? (
              <fieldset className="choices">
                <legend>{t('booking.waitlist.who')}</legend>
                {candidates.map((c) => (
                  <label key={c.studentId} className="choice fb-check">
                    <input type="checkbox" checked={chosen.includes(c.studentId)} onChange={(e) => setChosen((l) => (e.target.checked ? [...l, c.studentId] : l.filter((x) => x !== c.studentId)))} />
                    <Name>{c.name}</Name>
                  </label>
                ))}
              </fieldset>
            ) : null}
            <FieldShell label={t('booking.waitlist.note')} hint={t('booking.waitlist.noteHint')}>
              {(control) => <textarea {...control} dir="auto" data-content rows={2} maxLength={NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} />}
            </FieldShell>
            <ErrorNotice error={error} />
            <button type="submit" className="button" aria-disabled={busy || chosen.length === 0 || undefined}>
              {t('booking.waitlist.join')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}
