/**
 * A teacher's day sheet (every time of each day in order: the meeting booked then — child, class,
 * who is coming, language and interpreter, in person or video, the family's note, private time —
 * or free), and the door sign (large type; for privacy only the child's first name and the initial
 * of the family name). Both print: the sheet on A4 portrait, the sign on A4 landscape, a page a day.
 * On screen, each meeting still to come can be moved or cancelled (the family is emailed); after a
 * change the sheet is loaded again and says what happened at the meeting's (new) time, with focus there.
 */
import { Fragment, useEffect, useId, useRef, useState } from 'react';
import type { DaySheet } from '../../../contracts/booking';
import { Name } from '../../components/ui';
import { useI18n, useT } from '../../lib/i18n';
import { relationshipLabel } from '../booking/format';
import { doorName } from './format';
import { languageName } from './languages';
import { MeetingChanges, type Changed } from './move-meeting';
import { part, Rich } from './text';
import { useZoneFormat } from './use-zone-format';

type Meeting = NonNullable<DaySheet['days'][number]['slots'][number]['meeting']>;
/** A meeting that still holds its time (a cancelled or lapsed one leaves it free). */
const live = (m: Meeting | null): m is Meeting => Boolean(m && (m.status === 'confirmed' || m.status === 'held'));

/** A substitute's relationship: one of the family page's keys in the teacher's language, or the family's own words. */
function Relationship({ value }: { value: string }) {
  const t = useT();
  const label = relationshipLabel(t, value);
  return label.typed ? (
    <span data-content dir="auto">
      {label.text}
    </span>
  ) : (
    <span>{label.text}</span>
  );
}

function Coming({ meeting }: { meeting: Meeting }) {
  const t = useT();
  if (meeting.attendees.length === 0) return <span className="empty">{t('rounds.sheet.nobodyNamed')}</span>;
  return (
    <ul className="rb-coming">
      {meeting.attendees.map((a, i) => (
        <li key={i}>
          {a.kind === 'guardian' ? (
            <Name>{a.name}</Name>
          ) : (
            <Rich
              text={t('rounds.sheet.substitute', { name: part('name'), relationship: part('relationship') })}
              parts={{
                name: <Name>{a.name}</Name>,
                relationship: <Relationship value={a.relationship} />,
              }}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/** Said where the change happened, and focused there (the button pressed is gone with the old row). */
function ChangeNotice({ message }: { message: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} tabIndex={-1} className="notice notice-ok rb-change-notice">
      {message}
    </p>
  );
}

/** `reload`: the page loads the sheet again; without it the sheet is read-only (no Move or Cancel). */
export function DaySheetDocument({ sheet, reload }: { sheet: DaySheet; reload?: () => void }) {
  const t = useT();
  const { intlLocale } = useI18n();
  const f = useZoneFormat(sheet.round.timeZone);
  const base = useId();
  // The last change, shown once the sheet it was made on has been replaced by the one loaded after it.
  const [change, setChange] = useState<(Changed & { on: DaySheet; n: number }) | null>(null);
  const shown = change && change.on !== sheet ? change : null;
  const all = sheet.days.flatMap((d) => d.slots);
  const booked = all.filter((s) => live(s.meeting)).length;
  const now = Date.now();
  // A meeting moves to any free time of this teacher still to come, on any day of the round.
  const free = all.filter((s) => !live(s.meeting) && Date.parse(s.startsAt) > now);
  const changed = (c: Changed) => {
    setChange((last) => ({ ...c, on: sheet, n: (last?.n ?? 0) + 1 }));
    reload?.();
  };
  return (
    <article className="rb-sheet">
      <header className="rb-sheet-head">
        <p className="rb-sheet-round">
          <Name>{sheet.round.name}</Name>
        </p>
        <h1>
          <Rich text={t('rounds.sheet.title', { name: part('name') })} parts={{ name: <Name>{sheet.teacher.name}</Name> }} />
        </h1>
        <dl className="rb-facts">
          <div>
            <dt>{t('rounds.sheet.room')}</dt>
            <dd>
              {sheet.teacher.room ? (
                <span data-content dir="auto">
                  {sheet.teacher.room}
                </span>
              ) : (
                t('rounds.sheet.noRoom')
              )}
            </dd>
          </div>
          {sheet.teacher.videoUrl ? (
            <div>
              <dt>{t('rounds.sheet.video')}</dt>
              <dd translate="no" className="rb-url">
                {sheet.teacher.videoUrl}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('rounds.sheet.countsLabel')}</dt>
            <dd>{t('rounds.sheet.counts', { booked, free: all.length - booked })}</dd>
          </div>
        </dl>
      </header>
      {sheet.days.length === 0 ? <p className="empty">{t('rounds.sheet.noTimes')}</p> : null}
      {sheet.days.map((day, d) => (
        <section key={day.date} className="rb-sheet-day" aria-labelledby={`day-${day.date}`}>
          <h2 id={`day-${day.date}`} translate="no">{f.day(day.date)}</h2>
          <div className="table-scroll">
            <table className="table table-stack rb-sheet-table">
              <thead>
                <tr>
                  <th scope="col">{t('rounds.sheet.time')}</th>
                  <th scope="col">{t('rounds.sheet.child')}</th>
                  <th scope="col">{t('rounds.sheet.coming')}</th>
                  <th scope="col">{t('rounds.sheet.language')}</th>
                  <th scope="col">{t('rounds.sheet.how')}</th>
                  <th scope="col">{t('rounds.sheet.note')}</th>
                </tr>
              </thead>
              <tbody>
                {day.slots.map((slot, i) => {
                  const m = live(slot.meeting) ? slot.meeting : null;
                  const ids = `${base}-${d}-${i}`;
                  const time = (
                    <td id={`${ids}-time`} data-label={t('rounds.sheet.time')} className="rb-time" translate="no">
                      {f.range(slot.startsAt, slot.endsAt)}
                    </td>
                  );
                  const notice = shown?.at === slot.startsAt ? <ChangeNotice key={shown.n} message={shown.message} /> : null;
                  const changeable = Boolean(reload && m?.status === 'confirmed' && Date.parse(m.startsAt) > now);
                  const changes =
                    notice || changeable ? (
                      <tr className="no-print rb-change-row">
                        <td colSpan={6}>
                          {notice}
                          {m && changeable ? <MeetingChanges meeting={m} free={free} timeZone={sheet.round.timeZone} labelledBy={`${ids}-child ${ids}-time`} onChanged={changed} onStale={() => reload?.()} /> : null}
                        </td>
                      </tr>
                    ) : null;
                  const joined = changes ? ' rb-has-change' : '';
                  if (!m) {
                    return (
                      <Fragment key={slot.startsAt}>
                        <tr className={`rb-free${joined}`}>
                          {time}
                          <td colSpan={5} data-label={t('rounds.sheet.child')}>
                            {t('rounds.sheet.free')}
                          </td>
                        </tr>
                        {changes}
                      </Fragment>
                    );
                  }
                  return (
                    <Fragment key={slot.startsAt}>
                      <tr className={`${m.status === 'held' ? 'rb-held' : ''}${joined}`.trim() || undefined}>
                        {time}
                        <td data-label={t('rounds.sheet.child')}>
                          <strong id={`${ids}-child`}>
                            <Name>{m.student.name}</Name>
                          </strong>{' '}
                          <span className="rb-class-of">
                            (<Name>{m.student.className}</Name>)
                          </span>
                          {m.status === 'held' ? <span className="badge badge-pending">{t('rounds.sheet.held')}</span> : null}
                        </td>
                        <td data-label={t('rounds.sheet.coming')}>
                          <Coming meeting={m} />
                        </td>
                        <td data-label={t('rounds.sheet.language')}>
                          <Name>{languageName(m.language, intlLocale)}</Name>
                          {m.interpreter ? (
                            <span className="rb-interpreter">
                              <Rich text={t('rounds.sheet.interpreter', { name: part('name') })} parts={{ name: <Name>{m.interpreter.name}</Name> }} />
                            </span>
                          ) : null}
                        </td>
                        <td data-label={t('rounds.sheet.how')}>{t(`rounds.mode.${m.mode}`)}</td>
                        <td data-label={t('rounds.sheet.note')}>
                          {m.note ? (
                            <span className="rb-note" data-content dir="auto">
                              {m.note}
                            </span>
                          ) : null}
                          {m.privateTime ? <span className="badge badge-warning rb-private">{t('rounds.sheet.privateTime')}</span> : null}
                        </td>
                      </tr>
                      {changes}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </article>
  );
}

/** One sign per day, each on its own landscape page. */
export function DoorSigns({ sheet }: { sheet: DaySheet }) {
  const t = useT();
  const f = useZoneFormat(sheet.round.timeZone);
  const days = sheet.days.length ? sheet.days : [{ date: '', slots: [] }];
  return (
    <div className="rb-doors">
      <h1 className="visually-hidden">
        <Rich text={t('rounds.door.title', { name: part('name') })} parts={{ name: <Name>{sheet.teacher.name}</Name> }} />
      </h1>
      {days.map((day) => (
        <section key={day.date || 'none'} className="rb-door" aria-labelledby={`door-${day.date} door-${day.date}-day`}>
          <header className="rb-door-head">
            <h2 id={`door-${day.date}`} className="rb-door-teacher">
              <Name>{sheet.teacher.name}</Name>
            </h2>
            {sheet.teacher.room ? (
              <p className="rb-door-room">
                <span data-content dir="auto">
                  {sheet.teacher.room}
                </span>
              </p>
            ) : null}
            {day.date ? (
              <p className="rb-door-day" id={`door-${day.date}-day`} translate="no">
                {f.day(day.date)}
              </p>
            ) : null}
          </header>
          {day.slots.length ? (
            <ol className="rb-door-times">
              {day.slots.map((slot) => {
                const m = live(slot.meeting) ? slot.meeting : null;
                return (
                  <li key={slot.startsAt} className={m ? undefined : 'rb-door-free'}>
                    <span className="rb-door-time" translate="no">{f.time(slot.startsAt)}</span>
                    <span className="rb-door-child">{m ? <Name>{doorName(m.student.givenName, m.student.familyName)}</Name> : <span className="visually-hidden">{t('rounds.sheet.free')}</span>}</span>
                  </li>
                );
              })}
            </ol>
          ) : (
            <p className="empty">{t('rounds.sheet.noTimes')}</p>
          )}
          <p className="rb-door-wait">{t('rounds.door.wait')}</p>
        </section>
      ))}
    </div>
  );
}
