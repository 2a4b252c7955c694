/**
 * A child's page, for the people who look after their record: the admin edits their details,
 * moves them between classes, archives or restores them, and links or unlinks their family; the
 * admin or the child's teacher sets their two sign-in pictures again (with the child).
 */
import { useId, useState, type FormEvent, type RefObject } from 'react';
import type { StudentDetail } from '../../contracts/api';
import { locales } from '../../contracts/locales';
import type { SchoolClasses } from '../../contracts/roster';
import { PICTURE_PASSWORD_LENGTH, type AvatarKey, type PasswordPictureKey } from '../../domain/pictures';
import { AvatarPicker, ConfirmAction, fieldErrorUnder, PicturePasswordPicker, Saved, SelectField, Switch, usePictureNames } from '../components/forms';
import { ErrorNotice, Field, fieldError, Loading, Name } from '../components/ui';
import { api } from '../lib/api';
import { useI18n, useT } from '../lib/i18n';
import { useAction, useApi } from '../lib/use-api';

type Guardian = NonNullable<StudentDetail['guardians']>[number];

/** Relationships offered in the form; they are stored as these keys and shown in the reader's language. */
export const relationshipKeys = ['mother', 'father', 'parent', 'grandmother', 'grandfather', 'carer'] as const;

/** A guardian's relationship as stored: a known key in the reader's language, anything else as typed. */
export function Relationship({ value }: { value: string }) {
  const t = useT();
  const key = value.trim().toLowerCase();
  return (relationshipKeys as readonly string[]).includes(key) ? <>{t(`app.manage.relationships.${key}`)}</> : <Name>{value}</Name>;
}

/** Languages a family can be written to in: Confer's own, and Polish (common in our schools' families), or any other by code. */
const familyLanguages = [...locales.map((l) => l.tag), 'pl'] as const;

/** A language named in itself ("Español", "Polski"), as a speaker of it would look for it. */
export function languageSelfName(tag: string): string {
  const shipped = locales.find((l) => l.tag === tag);
  if (shipped) return shipped.name;
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return tag;
  }
}

type ChildField = 'givenName' | 'familyName' | 'yearGroup' | 'gradeLevel' | 'keyStage';

/** A child's name, year group, grade number and key stage: the same fields when adding and when editing. */
export function ChildFields({ values, set, error }: { values: Record<ChildField, string>; set: Record<ChildField, (v: string) => void>; error: unknown }) {
  const t = useT();
  const text = (field: ChildField, label: string, hint?: string) => (
    <Field label={label} hint={hint} name={field} value={values[field]} onChange={(e) => set[field](e.target.value)} error={fieldError(t, error, field)} autoComplete="off" />
  );
  return (
    <>
      {text('givenName', t('app.manage.child.givenName'))}
      {text('familyName', t('app.manage.child.familyName'))}
      {text('yearGroup', t('app.manage.classes.yearGroup'))}
      <Field
        label={t('app.manage.child.gradeLevel')}
        hint={t('app.manage.child.gradeLevelHint')}
        name="gradeLevel"
        type="number"
        inputMode="numeric"
        min={-3}
        max={13}
        step={1}
        value={values.gradeLevel}
        onChange={(e) => set.gradeLevel(e.target.value)}
        error={fieldError(t, error, 'gradeLevel')}
      />
      {text('keyStage', t('app.manage.child.keyStage'), t('app.manage.child.keyStageHint'))}
    </>
  );
}

export function StudentDetailsForm({ student, onSaved }: { student: StudentDetail; onSaved(): void }) {
  const t = useT();
  const [givenName, setGivenName] = useState(student.givenName);
  const [familyName, setFamilyName] = useState(student.familyName);
  const [yearGroup, setYearGroup] = useState(student.yearGroup);
  const [gradeLevel, setGradeLevel] = useState(String(student.gradeLevel));
  const [keyStage, setKeyStage] = useState(student.keyStage ?? '');
  const [avatar, setAvatar] = useState<AvatarKey>(student.avatar);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setSaved(false);
    void run(async () => {
      await api('PATCH', `/api/students/${student.id}`, {
        givenName,
        familyName,
        yearGroup,
        gradeLevel: gradeLevel.trim() === '' ? undefined : Number(gradeLevel),
        keyStage: keyStage.trim() || null,
        avatar,
      });
      setSaved(true);
      onSaved();
    });
  }

  return (
    <section className="card" aria-labelledby="child-details">
      <h3 id="child-details">{t('app.manage.child.detailsTitle')}</h3>
      <form onSubmit={submit} noValidate>
        <ChildFields
          values={{ givenName, familyName, yearGroup, gradeLevel, keyStage }}
          set={{ givenName: setGivenName, familyName: setFamilyName, yearGroup: setYearGroup, gradeLevel: setGradeLevel, keyStage: setKeyStage }}
          error={error}
        />
        <details className="more">
          <summary>{t('app.manage.child.changeAvatar')}</summary>
          <AvatarPicker legend={t('app.manage.pictures.avatar')} value={avatar} onChange={(v) => v && setAvatar(v)} allowNone={false} />
        </details>
        <ErrorNotice error={error} />
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('app.manage.common.save')}
        </button>
      </form>
      <Saved message={saved ? t('app.manage.common.saved') : null} />
    </section>
  );
}

/** The child's classes become exactly the ones ticked (the school's current classes). */
export function StudentClassesForm({ student, onSaved }: { student: StudentDetail; onSaved(): void }) {
  const t = useT();
  const { intlLocale } = useI18n();
  const classes = useApi<SchoolClasses>(`/api/schools/${student.schoolId}/classes`);
  const [chosen, setChosen] = useState<string[]>(student.classes.map((c) => c.id));
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const errorId = useId();
  const groupError = fieldErrorUnder(t, error, 'classIds');

  if (classes.status === 'loading') return <Loading />;
  if (classes.status === 'error') return <ErrorNotice error={classes.error} />;
  const collator = new Intl.Collator(intlLocale, { numeric: true });
  const offered = classes.data.classes
    .filter((c) => !c.archived || chosen.includes(c.id))
    .sort((a, b) => collator.compare(a.yearGroup, b.yearGroup) || collator.compare(a.name, b.name));
  const names = (ids: string[]) => new Intl.ListFormat(intlLocale, { type: 'conjunction' }).format(offered.filter((c) => ids.includes(c.id)).map((c) => c.name));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setSaved(null);
    const classIds = offered.map((c) => c.id).filter((id) => chosen.includes(id));
    void run(async () => {
      await api('PUT', `/api/students/${student.id}/classes`, { classIds });
      setSaved(classIds.length ? t('app.manage.child.movedTo', { name: student.givenName, classes: names(classIds) }) : t('app.manage.child.movedNowhere', { name: student.givenName }));
      onSaved();
    });
  }

  return (
    <section className="card" aria-labelledby="child-classes">
      <h3 id="child-classes">{t('app.manage.child.classesTitle')}</h3>
      <form onSubmit={submit} noValidate>
        <fieldset className="choices" aria-describedby={groupError ? errorId : undefined}>
          <legend>{t('app.manage.child.classesLegend', { name: student.givenName })}</legend>
          {groupError ? (
            <p className="field-error" id={errorId}>
              {groupError}
            </p>
          ) : null}
          {offered.map((c) => (
            <label key={c.id} className="choice">
              <input type="checkbox" name="classIds" value={c.id} checked={chosen.includes(c.id)} onChange={(e) => setChosen((now) => (e.target.checked ? [...now, c.id] : now.filter((x) => x !== c.id)))} />
              <span>
                <Name>{c.name}</Name> <span className="hint-inline">(<Name>{c.yearGroup}</Name>)</span>
              </span>
            </label>
          ))}
        </fieldset>
        <ErrorNotice error={error} />
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('app.manage.child.saveClasses')}
        </button>
      </form>
      <Saved message={saved} />
    </section>
  );
}

/**
 * Archiving: the child leaves their classes' pages and cannot sign in; their classes and family
 * are kept, so restoring brings everything back. Only the admin can still open an archived
 * child's page, to restore them.
 */
export function ArchiveStudent({
  student,
  archived,
  onArchived,
  onRestored,
  focusRef,
}: {
  student: StudentDetail;
  archived: boolean;
  onArchived(): void;
  onRestored(): void;
  focusRef: RefObject<HTMLElement | null>;
}) {
  const t = useT();
  const { busy, error, run } = useAction();
  const name = `${student.givenName} ${student.familyName}`;
  const change = async (archive: boolean) => {
    await run(async () => {
      await api('PATCH', `/api/students/${student.id}`, { archived: archive });
      if (archive) onArchived();
      else onRestored();
    });
    focusRef.current?.focus();
  };
  return (
    <section className="card" aria-labelledby="child-archive">
      <h3 id="child-archive">{archived ? t('app.manage.child.restoreTitle') : t('app.manage.child.archiveTitle')}</h3>
      <p>{archived ? t('app.manage.child.restoreHint', { name }) : t('app.manage.child.archiveHint')}</p>
      <ErrorNotice error={error} />
      {archived ? (
        <button type="button" className="button button-primary" aria-disabled={busy || undefined} onClick={() => !busy && void change(false)}>
          {t('app.manage.child.restore', { name: student.givenName })}
        </button>
      ) : (
        <ConfirmAction
          label={t('app.manage.child.archive', { name: student.givenName })}
          question={t('app.manage.child.archiveQuestion', { name })}
          confirmLabel={t('app.manage.child.archiveYes')}
          busy={busy}
          onConfirm={() => change(true)}
        />
      )}
    </section>
  );
}

export function AddGuardianForm({ student, onAdded }: { student: StudentDetail; onAdded(): void }) {
  const t = useT();
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState(student.familyName);
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [language, setLanguage] = useState('');
  const [otherLanguage, setOtherLanguage] = useState('');
  const [relationship, setRelationship] = useState('');
  const [otherRelationship, setOtherRelationship] = useState('');
  const [separately, setSeparately] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setAdded(null);
    const preferredLocale = language === 'other' ? otherLanguage.trim() : language;
    const rel = relationship === 'other' ? otherRelationship.trim() : relationship;
    void run(async () => {
      await api('POST', `/api/students/${student.id}/guardians`, {
        givenName,
        familyName,
        email: email.trim() || null,
        phone: phone.trim() || null,
        preferredLocale: preferredLocale || null,
        relationship: rel,
        attendsSeparately: separately,
      });
      setAdded(t('app.manage.family.added', { name: `${givenName.trim()} ${familyName.trim()}`, child: student.givenName }));
      setGivenName('');
      setFamilyName(student.familyName);
      setEmail('');
      setPhone('');
      setLanguage('');
      setOtherLanguage('');
      setRelationship('');
      setOtherRelationship('');
      setSeparately(false);
      onAdded();
    });
  }

  const relationshipError = fieldError(t, error, 'relationship');
  const languageError = fieldError(t, error, 'preferredLocale');
  return (
    <section className="card" aria-labelledby="add-guardian">
      <h3 id="add-guardian">{t('app.manage.family.addTitle')}</h3>
      <form onSubmit={submit} noValidate>
        <Field label={t('app.manage.family.givenName')} name="givenName" value={givenName} onChange={(e) => setGivenName(e.target.value)} error={fieldError(t, error, 'givenName')} autoComplete="off" />
        <Field label={t('app.manage.family.familyName')} name="familyName" value={familyName} onChange={(e) => setFamilyName(e.target.value)} error={fieldError(t, error, 'familyName')} autoComplete="off" />
        <SelectField
          label={t('app.manage.family.relationship')}
          name="relationship"
          value={relationship}
          onChange={(e) => setRelationship(e.target.value)}
          error={relationship === 'other' ? undefined : relationshipError}
        >
          <option value="">{t('app.manage.family.chooseRelationship')}</option>
          {relationshipKeys.map((k) => (
            <option key={k} value={k}>
              {t(`app.manage.relationships.${k}`)}
            </option>
          ))}
          <option value="other">{t('app.manage.family.otherRelationship')}</option>
        </SelectField>
        {relationship === 'other' ? (
          <Field label={t('app.manage.family.relationshipOther')} name="otherRelationship" value={otherRelationship} onChange={(e) => setOtherRelationship(e.target.value)} error={relationshipError} autoComplete="off" />
        ) : null}
        <Field
          label={t('app.manage.family.email')}
          hint={t('app.manage.family.emailHint')}
          name="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(t, error, 'email')}
        />
        <Field label={t('app.manage.family.phone')} name="phone" type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} error={fieldError(t, error, 'phone')} />
        <SelectField
          label={t('app.manage.family.language')}
          hint={t('app.manage.family.languageHint')}
          name="language"
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
          error={language === 'other' ? undefined : languageError}
        >
          <option value="">{t('app.manage.family.schoolLanguage')}</option>
          {familyLanguages.map((tag) => (
            <option key={tag} value={tag} lang={tag} translate="no">
              {languageSelfName(tag)}
            </option>
          ))}
          <option value="other">{t('app.manage.family.otherLanguage')}</option>
        </SelectField>
        {language === 'other' ? (
          <Field
            label={t('app.manage.family.languageCode')}
            hint={t('app.manage.family.languageCodeHint')}
            name="otherLanguage"
            autoComplete="off"
            spellCheck={false}
            value={otherLanguage}
            onChange={(e) => setOtherLanguage(e.target.value)}
            error={languageError}
          />
        ) : null}
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="attendsSeparately" checked={separately} onChange={(e) => setSeparately(e.target.checked)} aria-describedby="separately-hint" />
            <span>{t('app.student.attendsSeparately')}</span>
          </label>
          <p className="hint" id="separately-hint">
            {t('app.manage.family.separatelyHint')}
          </p>
        </div>
        <ErrorNotice error={error} />
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('app.manage.family.add')}
        </button>
      </form>
      <Saved message={added} />
    </section>
  );
}

/** On a guardian's card, for the admin: attends separately (a switch that saves at once) and Remove. */
export function GuardianControls({ student, guardian, onChanged, familyHeading }: { student: StudentDetail; guardian: Guardian; onChanged(): void; familyHeading: RefObject<HTMLElement | null> }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const nameId = useId();
  const name = `${guardian.givenName} ${guardian.familyName}`;
  const url = `/api/students/${student.id}/guardians/${guardian.guardianId}`;
  return (
    <div className="guardian-controls">
      <span id={nameId} hidden translate="no">
        {name}
      </span>
      <Switch
        checked={guardian.attendsSeparately}
        busy={busy}
        describedBy={nameId}
        label={t('app.student.attendsSeparately')}
        onToggle={(next) => {
          setDone(null);
          void run(async () => {
            await api('PATCH', url, { attendsSeparately: next });
            setDone(next ? t('app.manage.family.nowSeparately', { name }) : t('app.manage.family.nowTogether', { name }));
            onChanged();
          });
        }}
      />
      <ConfirmAction
        label={t('app.manage.family.remove')}
        describedBy={nameId}
        question={t('app.manage.family.removeQuestion', { name, child: student.givenName })}
        confirmLabel={t('app.manage.family.removeYes')}
        busy={busy}
        onConfirm={async () => {
          setDone(null);
          await run(async () => {
            await api('DELETE', url);
            onChanged();
          });
          // This card goes: focus goes to the family's heading (the list's live message says what happened).
          familyHeading.current?.focus();
        }}
      />
      <ErrorNotice error={error} />
      <Saved message={done} />
    </div>
  );
}

/** Done with the child: they choose two pictures in order on the same grid they will sign in with. */
export function ResetPictures({ student }: { student: StudentDetail }) {
  const t = useT();
  const pictureNames = usePictureNames();
  const [pictures, setPictures] = useState<PasswordPictureKey[]>([]);
  const [notTwo, setNotTwo] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setDone(null);
    if (pictures.length !== PICTURE_PASSWORD_LENGTH) {
      setNotTwo(true);
      return;
    }
    setNotTwo(false);
    const chosen = pictures;
    void run(async () => {
      await api('PUT', `/api/students/${student.id}/pictures`, { pictures: chosen });
      setDone(t('app.manage.pictures.resetDone', { name: student.givenName, pictures: pictureNames(chosen) }));
      setPictures([]);
    });
  }

  return (
    <section className="card narrow" aria-labelledby="reset-pictures">
      <h2 id="reset-pictures">{t('app.manage.pictures.resetTitle')}</h2>
      <p>{t('app.manage.pictures.resetHint', { name: student.givenName })}</p>
      <form onSubmit={submit} noValidate>
        <PicturePasswordPicker
          legend={t('app.manage.pictures.newPictures', { name: student.givenName })}
          value={pictures}
          onChange={(p) => {
            setPictures(p);
            setDone(null);
            if (p.length === PICTURE_PASSWORD_LENGTH) setNotTwo(false);
          }}
          error={notTwo ? t('app.manage.pictures.chooseTwo') : fieldErrorUnder(t, error, 'pictures')}
        />
        <ErrorNotice error={error} />
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('app.manage.pictures.save')}
        </button>
      </form>
      <Saved message={done} />
    </section>
  );
}
