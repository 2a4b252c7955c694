/**
 * The teachers taking part in a round: each with their room or video link, the languages they hold
 * conferences in, when they are there (per session; the whole session unless changed), how many
 * times they have and how many are booked, and links to their day sheet and door sign. Staff are
 * added from the school's list.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { RoundSetup } from '../../../contracts/booking';
import { ConfirmAction, Saved, SelectField } from '../../components/forms';
import { ErrorNotice, Field, Name } from '../../components/ui';
import { useI18n, useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { availabilityOf, draftOf, type AvailabilityDraft } from './availability';
import { AvailabilityEditor } from './availability-editor';
import { LanguagePicker } from './languages';
import type { SaveSetup } from './settings-form';
import { fieldMessage, useFocusFirstInvalid } from './text';

type Teacher = RoundSetup['teachers'][number];

export function TeachersSection({ setup, save }: { setup: RoundSetup; save: SaveSetup }) {
  const t = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  return (
    <section className="rb-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('rounds.teachers.title', { count: setup.teachers.length })}
      </h2>
      <Saved message={removed} />
      <p className="hint">{t('rounds.teachers.lead')}</p>
      {setup.teachers.length === 0 ? <p className="empty">{t('rounds.teachers.none')}</p> : null}
      <ul className="rb-people">
        {setup.teachers.map((teacher) => (
          <TeacherCard
            key={teacher.userId}
            teacher={teacher}
            setup={setup}
            save={save}
            onRemoved={() => {
              // The card is gone: focus goes to the section's heading, with the result under it.
              setRemoved(t('rounds.teachers.removed', { name: teacher.name }));
              heading.current?.focus();
            }}
          />
        ))}
      </ul>
      <AddTeacher setup={setup} save={save} />
    </section>
  );
}

function AddTeacher({ setup, save }: { setup: RoundSetup; save: SaveSetup }) {
  const t = useT();
  const { intlLocale } = useI18n();
  const id = useId();
  const taking = new Set(setup.teachers.map((x) => x.userId));
  const collator = new Intl.Collator(intlLocale);
  const options = setup.staff.filter((s) => !taking.has(s.userId)).sort((a, b) => collator.compare(a.name, b.name));
  const [userId, setUserId] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !userId) return;
    const name = setup.staff.find((s) => s.userId === userId)?.name ?? '';
    setAdded(null);
    void run(async () => {
      await save('PUT', `/api/rounds/${setup.round.id}/teachers/${userId}`, { room: null, videoUrl: null, availability: null });
      setUserId('');
      setAdded(t('rounds.teachers.added', { name }));
    });
  }
  return (
    <div className="card add-form rb-add" aria-labelledby={`${id}-title`} role="group">
      <h3 id={`${id}-title`}>{t('rounds.teachers.addTitle')}</h3>
      {options.length === 0 ? (
        <p className="empty">{t('rounds.teachers.allAdded')}</p>
      ) : (
        <form onSubmit={submit} noValidate className="rb-inline-form">
          <SelectField label={t('rounds.teachers.who')} value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">{t('rounds.teachers.choose')}</option>
            {options.map((s) => (
              <option key={s.userId} value={s.userId} translate="no">
                {s.name}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button button-primary" aria-disabled={busy || !userId || undefined}>
            {t('rounds.teachers.add')}
          </button>
        </form>
      )}
      <ErrorNotice error={error} />
      <Saved message={added} />
    </div>
  );
}

function TeacherCard({ teacher, setup, save, onRemoved }: { teacher: Teacher; setup: RoundSetup; save: SaveSetup; onRemoved(): void }) {
  const t = useT();
  const id = useId();
  const roundId = setup.round.id;
  const [room, setRoom] = useState(teacher.room ?? '');
  const [videoUrl, setVideoUrl] = useState(teacher.videoUrl ?? '');
  const [languages, setLanguages] = useState<string[]>(teacher.languages);
  const [availability, setAvailability] = useState<AvailabilityDraft>(() => draftOf(setup.sessions, teacher.availability));
  const [sources, setSources] = useState<Array<{ sessionId: string; window: number }>>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const remove = useAction();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, error);
  const nameId = `${id}-name`;
  const edited = () => setSaved(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setSaved(null);
    const { value, sources: sent } = availabilityOf(setup.sessions, availability);
    setSources(sent);
    void run(async () => {
      const answer = await save('PUT', `/api/rounds/${roundId}/teachers/${teacher.userId}`, { room: room.trim() || null, videoUrl: videoUrl.trim() || null, availability: value, languages });
      const now = answer.teachers.find((x) => x.userId === teacher.userId);
      if (now) {
        setRoom(now.room ?? '');
        setVideoUrl(now.videoUrl ?? '');
        setLanguages(now.languages);
        setAvailability(draftOf(answer.sessions, now.availability));
      }
      setSaved(t('rounds.teachers.saved', { name: teacher.name }));
    });
  }

  const errorAt = (sessionId: string, window: number, part?: 'start' | 'end') => {
    const index = sources.findIndex((s) => s.sessionId === sessionId && s.window === window);
    if (index < 0) return undefined;
    return fieldMessage(t, error, part ? `availability.${index}.${part}` : `availability.${index}`);
  };
  const availabilityProblem = fieldMessage(t, error, 'availability');
  return (
    <li className="card rb-person" aria-labelledby={nameId}>
      <div className="rb-person-head">
        <h3 id={nameId} className="rb-person-name" tabIndex={-1}>
          <Name>{teacher.name}</Name>
        </h3>
        <p className="card-meta">
          {teacher.classes.length ? <Name>{teacher.classes.map((c) => c.name).join(', ')}</Name> : t('rounds.teachers.noClass')}
        </p>
        <p className="rb-counts">
          <span className="badge">{t('rounds.teachers.slots', { count: teacher.slotCount })}</span>
          <span className="badge badge-ok">{t('rounds.teachers.booked', { count: teacher.bookedCount })}</span>
        </p>
        <p className="rb-links">
          <Link to={`/rounds/${roundId}/sheet/${teacher.userId}`} aria-describedby={nameId}>
            {t('rounds.teachers.sheet')}
          </Link>
          <Link to={`/rounds/${roundId}/door/${teacher.userId}`} aria-describedby={nameId}>
            {t('rounds.teachers.door')}
          </Link>
        </p>
      </div>
      <form ref={form} onSubmit={submit} noValidate>
        <div className="rb-person-body">
          <div>
            <div className="rb-grid">
              <Field
                label={t('rounds.teachers.room')}
                hint={t('rounds.teachers.roomHint')}
                value={room}
                maxLength={60}
                data-content
                dir="auto"
                autoComplete="off"
                onChange={(e) => {
                  setRoom(e.target.value);
                  edited();
                }}
                error={fieldMessage(t, error, 'room')}
              />
              <Field
                label={t('rounds.teachers.videoUrl')}
                hint={setup.settings.allowVideo ? t('rounds.teachers.videoUrlHint') : t('rounds.teachers.videoOff')}
                type="url"
                inputMode="url"
                value={videoUrl}
                translate="no"
                dir="ltr"
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => {
                  setVideoUrl(e.target.value);
                  edited();
                }}
                error={fieldMessage(t, error, 'videoUrl')}
              />
            </div>
            <LanguagePicker
              legend={t('rounds.teachers.languages')}
              hint={t('rounds.teachers.languagesHint')}
              value={languages}
              onChange={(next) => {
                setLanguages(next);
                edited();
              }}
              error={fieldMessage(t, error, 'languages', true)}
            />
          </div>
          <div>
            <AvailabilityEditor
              legend={t('rounds.teachers.availability')}
              sessions={setup.sessions}
              timeZone={setup.round.timeZone}
              draft={availability}
              onChange={(next) => {
                setAvailability(next);
                edited();
              }}
              errorAt={errorAt}
            />
            {availabilityProblem ? <p className="field-error">{availabilityProblem}</p> : null}
          </div>
        </div>
        <ErrorNotice error={error} />
        <div className="row rb-row-tight">
          <button type="submit" className="button button-primary" aria-describedby={nameId} aria-disabled={busy || undefined}>
            {t('rounds.teachers.save')}
          </button>
          <ConfirmAction
            label={t('rounds.teachers.remove')}
            describedBy={nameId}
            question={t('rounds.teachers.removeQuestion', { name: teacher.name, count: teacher.bookedCount })}
            confirmLabel={t('rounds.teachers.removeYes')}
            busy={remove.busy}
            onConfirm={async () => {
              await remove.run(async () => {
                await save('DELETE', `/api/rounds/${roundId}/teachers/${teacher.userId}`);
                onRemoved();
              });
            }}
          />
        </div>
        <ErrorNotice error={remove.error} />
        <Saved message={saved} />
      </form>
    </li>
  );
}
