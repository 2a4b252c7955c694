/**
 * The school's staff: each person's role (changed with a Save button, never on change alone),
 * archiving someone who has left (and restoring them), and adding someone new. An admin does not
 * get these controls on their own row: a school must keep its admin (the server refuses too).
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { SchoolStaff } from '../../contracts/roster';
import { byName, ConfirmAction, Saved, SelectField } from '../components/forms';
import { ErrorNotice, Field, fieldError, Loading, Name } from '../components/ui';
import { api } from '../lib/api';
import { useI18n, useT } from '../lib/i18n';
import { useSchoolId } from '../lib/school';
import { useSession } from '../lib/session';
import { useAction, useApi } from '../lib/use-api';

type StaffMember = SchoolStaff['staff'][number];
type StaffRole = StaffMember['role'];
const staffRoles: StaffRole[] = ['admin', 'teacher', 'assistant'];

export function StaffPage() {
  const t = useT();
  const { intlLocale } = useI18n();
  const schoolId = useSchoolId();
  const staff = useApi<SchoolStaff>(schoolId ? `/api/schools/${schoolId}/staff` : null);
  if (staff.status === 'loading') return <Loading />;
  if (staff.status === 'error') return <ErrorNotice error={staff.error} />;
  // One list in name order, leavers marked: a person archived or restored keeps their place (and focus stays with them).
  const sorted = [...staff.data.staff].sort(byName(intlLocale));
  const active = sorted.filter((s) => !s.archived).length;
  return (
    <div>
      <p className="breadcrumb">
        <Link to="/roster">{t('app.roster.title')}</Link>
      </p>
      <h1>{t('app.manage.staff.title')}</h1>
      <p className="lead">{t('app.manage.staff.lead')}</p>
      <section aria-labelledby="staff-list">
        <h2 id="staff-list">{t('app.manage.staff.count', { count: active, archived: sorted.length - active })}</h2>
        <ul className="card-list">
          {sorted.map((s) => (
            <StaffCard key={s.userId} person={s} onChanged={staff.reload} />
          ))}
        </ul>
      </section>
      <AddStaffForm onAdded={staff.reload} />
    </div>
  );
}

function StaffCard({ person, onChanged }: { person: StaffMember; onChanged(): void }) {
  const t = useT();
  const { me } = useSession();
  const nameId = useId();
  const cardRef = useRef<HTMLLIElement>(null);
  const [role, setRole] = useState<StaffRole>(person.role);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const self = me?.id === person.userId;
  const name = `${person.givenName} ${person.familyName}`;

  const change = async (body: { role?: StaffRole; archived?: boolean }, message: string) => {
    setDone(null);
    await run(async () => {
      await api('PATCH', `/api/schools/${me?.schools[0]?.id}/staff/${person.userId}`, body);
      setDone(message);
      onChanged();
    });
  };

  return (
    <li className={person.archived ? 'card card-archived' : 'card'} ref={cardRef} tabIndex={-1} aria-labelledby={nameId}>
      <span className="card-title" id={nameId}>
        <Name>{name}</Name>
        {self ? <span className="badge">{t('app.manage.staff.you')}</span> : null}
        {person.archived ? <span className="badge badge-archived">{t('app.manage.common.archived')}</span> : null}
      </span>
      {person.email ? (
        <span className="card-meta" translate="no">
          {person.email}
        </span>
      ) : null}
      <span className="card-meta">{t(`app.roles.staff.${person.role}`)}</span>
      {self ? (
        <p className="hint">{t('app.manage.staff.selfHint')}</p>
      ) : (
        <>
          {!person.archived ? (
            <form
              className="inline-form"
              noValidate
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                if (busy || role === person.role) return;
                void change({ role }, t('app.manage.staff.roleSaved', { name, role: t(`app.roles.staff.${role}`) }));
              }}
            >
              <SelectField label={t('app.manage.staff.role')} aria-describedby={nameId} value={role} onChange={(e) => setRole(e.target.value as StaffRole)} error={fieldError(t, error, 'role')}>
                {staffRoles.map((r) => (
                  <option key={r} value={r}>
                    {t(`app.roles.staff.${r}`)}
                  </option>
                ))}
              </SelectField>
              <button type="submit" className="button" aria-describedby={nameId} aria-disabled={busy || role === person.role || undefined}>
                {t('app.manage.staff.saveRole')}
              </button>
            </form>
          ) : null}
          <ErrorNotice error={error} />
          {person.archived ? (
            <button
              type="button"
              className="button"
              aria-describedby={nameId}
              aria-disabled={busy || undefined}
              onClick={async () => {
                if (busy) return;
                await change({ archived: false }, t('app.manage.staff.restoredDone', { name }));
                cardRef.current?.focus();
              }}
            >
              {t('app.manage.staff.restore')}
            </button>
          ) : (
            <ConfirmAction
              label={t('app.manage.staff.archive')}
              describedBy={nameId}
              question={t('app.manage.staff.archiveQuestion', { name })}
              confirmLabel={t('app.manage.staff.archiveYes')}
              busy={busy}
              onConfirm={async () => {
                await change({ archived: true }, t('app.manage.staff.archivedDone', { name }));
                cardRef.current?.focus();
              }}
            />
          )}
        </>
      )}
      <Saved message={done} />
    </li>
  );
}

function AddStaffForm({ onAdded }: { onAdded(): void }) {
  const t = useT();
  const schoolId = useSchoolId();
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('teacher');
  const [added, setAdded] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !schoolId) return;
    setAdded(null);
    void run(async () => {
      await api('POST', `/api/schools/${schoolId}/staff`, { givenName, familyName, email, role });
      setAdded(t('app.manage.staff.added', { name: `${givenName.trim()} ${familyName.trim()}`, role: t(`app.roles.staff.${role}`) }));
      setGivenName('');
      setFamilyName('');
      setEmail('');
      setRole('teacher');
      onAdded();
    });
  }

  return (
    <section className="card add-form" aria-labelledby="add-staff">
      <h2 id="add-staff">{t('app.manage.staff.addTitle')}</h2>
      <form onSubmit={submit} noValidate>
        <Field label={t('app.manage.staff.givenName')} name="givenName" value={givenName} onChange={(e) => setGivenName(e.target.value)} error={fieldError(t, error, 'givenName')} autoComplete="off" />
        <Field label={t('app.manage.staff.familyName')} name="familyName" value={familyName} onChange={(e) => setFamilyName(e.target.value)} error={fieldError(t, error, 'familyName')} autoComplete="off" />
        <Field
          label={t('app.manage.staff.email')}
          hint={t('app.manage.staff.emailHint')}
          name="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError(t, error, 'email')}
        />
        <SelectField label={t('app.manage.staff.role')} name="role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)} error={fieldError(t, error, 'role')}>
          {staffRoles.map((r) => (
            <option key={r} value={r}>
              {t(`app.roles.staff.${r}`)}
            </option>
          ))}
        </SelectField>
        <ErrorNotice error={error} />
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('app.manage.staff.add')}
        </button>
      </form>
      <Saved message={added} />
    </section>
  );
}
