/**
 * The held times and the confirm form: who will come (the family's guardians, or another adult by
 * name and relationship), in person or by video when the school allows it, a note to the teacher,
 * and "private time with the teacher afterwards". The countdown runs above the form; "Change
 * times" releases the hold.
 */
import { useId, useRef, useState, type RefObject } from 'react';
import type { BookingView, FamilyOptions, HoldView } from '../../../contracts/booking';
import { NOTE_MAX, NAME_MAX } from '../../../contracts/booking';
import { Saved } from '../../components/forms';
import { ErrorNotice, FieldShell, Name, fieldError } from '../../components/ui';
import { api, ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { LanguageName, relationshipKeys, rich, useZoneFormat, When, type ZoneFormat } from './format';
import { HoldCountdown } from './hold-countdown';
import { MeetingList } from './meeting';

export function ConfirmStep({
  family,
  hold,
  meId,
  fmt,
  headingRef,
  onHoldChanged,
  onConfirmed,
  onReleased,
  onExpired,
}: {
  family: FamilyOptions;
  hold: HoldView;
  meId: string | undefined;
  fmt: ZoneFormat;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onHoldChanged(hold: HoldView): void;
  onConfirmed(bookings: BookingView[]): void;
  onReleased(): void;
  onExpired(): void;
}) {
  const t = useT();
  const id = useId();
  // The hold runs out by the person's own clock: its time is told in their zone, not the school's.
  const here = useZoneFormat(undefined);
  const clockRef = useRef<HTMLParagraphElement>(null);
  const whoRef = useRef<HTMLFieldSetElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const relRef = useRef<HTMLSelectElement>(null);
  const [extended, setExtended] = useState<string | null>(null);
  const extend = useAction();
  const release = useAction();
  const confirm = useAction();
  // Who comes: the signed-in guardian by default (or, for an admin booking for a family, the guardian booked for).
  const [guardians, setGuardians] = useState<string[]>(() => {
    const first = family.guardians.find((g) => g.userId === meId) ?? family.guardians.find((g) => g.userId === family.householdUserId) ?? family.guardians[0];
    return first ? [first.userId] : [];
  });
  const [someoneElse, setSomeoneElse] = useState(family.guardians.length === 0);
  const [subName, setSubName] = useState('');
  const [relationship, setRelationship] = useState('');
  const [otherRelationship, setOtherRelationship] = useState('');
  const [mode, setMode] = useState<'in_person' | 'video'>('in_person');
  const [note, setNote] = useState('');
  const [privateTime, setPrivateTime] = useState(false);
  const [nobody, setNobody] = useState(false);
  const [missing, setMissing] = useState<{ name?: boolean; relationship?: boolean }>({});

  const interpreters = hold.bookings.filter((b) => b.interpreter);
  const relationshipValue = relationship === 'other' ? otherRelationship.trim() : relationship;

  function submit() {
    if (confirm.busy) return;
    const attendees: Array<{ kind: 'guardian'; userId: string } | { kind: 'substitute'; name: string; relationship: string }> = guardians.map((userId) => ({ kind: 'guardian', userId }));
    if (someoneElse) {
      const gaps = { name: !subName.trim(), relationship: !relationshipValue };
      setMissing(gaps);
      if (gaps.name || gaps.relationship) {
        (gaps.name ? nameRef : relRef).current?.focus();
        return;
      }
      attendees.push({ kind: 'substitute', name: subName.trim(), relationship: relationshipValue });
    } else setMissing({});
    setNobody(attendees.length === 0);
    if (attendees.length === 0) {
      whoRef.current?.focus();
      return;
    }
    void confirm.run(async () => {
      try {
        const done = await api<{ bookings: BookingView[] }>('POST', `/api/holds/${hold.groupId}/confirm`, { attendees, mode: family.round.allowVideo ? mode : 'in_person', note: note.trim(), privateTime });
        onConfirmed(done.bookings);
      } catch (err) {
        // The server let the times go: back to choosing, where the page says why.
        if (err instanceof ApiError && err.code === 'hold_expired') return onExpired();
        throw err;
      }
    });
  }

  const confirmError = confirm.error;
  const subIndex = guardians.length;
  const nameError = missing.name ? t('booking.confirm.subNameMissing') : fieldError(t, confirmError, `attendees.${subIndex}.name`);
  const relError = missing.relationship ? t('booking.confirm.subRelationshipMissing') : fieldError(t, confirmError, `attendees.${subIndex}.relationship`);
  const fieldsShown = Boolean(nameError || relError || fieldError(t, confirmError, 'note'));

  return (
    <div className="fb-step">
      <h1 ref={headingRef}>{t('booking.confirm.title')}</h1>
      <HoldCountdown
        ref={clockRef}
        expiresAt={hold.expiresAt}
        busy={extend.busy}
        onExpired={onExpired}
        onExtend={() =>
          void extend.run(async () => {
            const next = await api<HoldView>('POST', `/api/holds/${hold.groupId}/extend`);
            onHoldChanged(next);
            setExtended(t('booking.hold.extended', { time: here.time(next.expiresAt) }));
            // The alert and its button have gone: the clock is where the person is now.
            clockRef.current?.focus();
          })
        }
      />
      <ErrorNotice error={extend.error} />
      <Saved message={extended} />

      <section aria-labelledby={`${id}-held`}>
        <h2 id={`${id}-held`}>{t('booking.confirm.held', { count: hold.bookings.length })}</h2>
        <MeetingList bookings={hold.bookings} fmt={fmt} />
        {interpreters.map((b) => (
          <p key={b.id} className="notice fb-interpreter">
            <span aria-hidden="true">🗣️ </span>
            {rich(t, 'booking.confirm.interpreter', { child: <Name>{b.student.name}</Name>, language: <LanguageName tag={b.language} /> })}
          </p>
        ))}
        <p>
          <button type="button" className="button" aria-disabled={release.busy || undefined} onClick={() => !release.busy && void release.run(async () => {
            await api('DELETE', `/api/holds/${hold.groupId}`);
            onReleased();
          })}>
            {t('booking.confirm.changeTimes')}
          </button>
        </p>
        <ErrorNotice error={release.error} />
      </section>

      <form
        className="fb-confirm"
        aria-labelledby={`${id}-details`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id={`${id}-details`}>{t('booking.confirm.details')}</h2>
        <fieldset ref={whoRef} className="choices" tabIndex={-1} aria-describedby={nobody ? `${id}-who-error` : undefined}>
          <legend>{t('booking.confirm.who')}</legend>
          {nobody ? (
            <p className="field-error" id={`${id}-who-error`}>
              {t('booking.confirm.nobody')}
            </p>
          ) : null}
          {family.guardians.map((g) => (
            <label key={g.userId} className="choice fb-check">
              <input
                type="checkbox"
                checked={guardians.includes(g.userId)}
                onChange={(e) => setGuardians((list) => (e.target.checked ? [...list, g.userId] : list.filter((x) => x !== g.userId)))}
              />
              <Name>{g.name}</Name>
            </label>
          ))}
          <label className="choice fb-check">
            <input type="checkbox" checked={someoneElse} onChange={(e) => setSomeoneElse(e.target.checked)} />
            <span>{t('booking.confirm.someoneElse')}</span>
          </label>
          {someoneElse ? (
            <div className="fb-substitute">
                <FieldShell label={t('booking.confirm.subName')} error={nameError}>
                  {(control) => <input {...control} ref={nameRef} autoComplete="off" dir="auto" data-content maxLength={NAME_MAX} value={subName} onChange={(e) => setSubName(e.target.value)} />}
                </FieldShell>
                <FieldShell label={t('booking.confirm.subRelationship')} error={relError}>
                  {(control) => (
                    <select {...control} ref={relRef} value={relationship} onChange={(e) => setRelationship(e.target.value)}>
                      <option value="">{t('booking.confirm.choose')}</option>
                      {relationshipKeys.map((k) => (
                        <option key={k} value={k}>
                          {t(`booking.relationships.${k}`)}
                        </option>
                      ))}
                      <option value="other">{t('booking.relationships.other')}</option>
                    </select>
                  )}
                </FieldShell>
                {relationship === 'other' ? (
                  <FieldShell label={t('booking.confirm.subRelationshipOther')}>
                    {(control) => <input {...control} dir="auto" data-content maxLength={60} value={otherRelationship} onChange={(e) => setOtherRelationship(e.target.value)} />}
                  </FieldShell>
                ) : null}
            </div>
          ) : null}
        </fieldset>

        {family.round.allowVideo ? (
          <fieldset className="choices">
            <legend>{t('booking.confirm.how')}</legend>
            <label className="choice">
              <input type="radio" name={`${id}-mode`} checked={mode === 'in_person'} onChange={() => setMode('in_person')} />
              <span>{t('booking.confirm.inPerson')}</span>
            </label>
            <label className="choice">
              <input type="radio" name={`${id}-mode`} checked={mode === 'video'} onChange={() => setMode('video')} />
              <span>{t('booking.confirm.video')}</span>
            </label>
          </fieldset>
        ) : null}

        <FieldShell label={t('booking.confirm.note')} hint={t('booking.confirm.noteHint')} error={fieldError(t, confirmError, 'note')}>
          {(control) => <textarea {...control} dir="auto" data-content rows={3} maxLength={NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} />}
        </FieldShell>

        <label className="choice fb-check">
          <input type="checkbox" checked={privateTime} onChange={(e) => setPrivateTime(e.target.checked)} />
          <span>{t('booking.confirm.privateTime')}</span>
        </label>

        {fieldsShown ? null : <ErrorNotice error={confirmError} />}
        <p className="fb-submit">
          <button type="submit" className="button button-primary button-submit" aria-disabled={confirm.busy || undefined}>
            {t('booking.confirm.submit', { count: hold.bookings.length })}
          </button>
        </p>
        <p className="hint">
          {rich(t, 'booking.confirm.until', { time: <When>{here.time(hold.expiresAt)}</When> })}
        </p>
      </form>
    </div>
  );
}
