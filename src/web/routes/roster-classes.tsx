/**
 * The admin's classes, by hand: every class (archived ones too) with its code, teachers and number
 * of children; adding a class; and one class's page — rename, teachers, children (and adding a
 * child, with their pictures), archive or restore.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { ClassDetail } from '../../contracts/api';
import type { SchoolClasses, SchoolStaff } from '../../contracts/roster';
import { PICTURE_PASSWORD_LENGTH, type AvatarKey, type PasswordPictureKey } from '../../domain/pictures';
import { AvatarPicker, byName, ConfirmAction, fieldErrorUnder, PicturePasswordPicker, Saved, SelectField, usePictureNames } from '../components/forms';
import { ErrorNotice, Field, fieldError, Loading, Name, PictureGlyph, TeachersWithRoles } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { useI18n, useT } from '../lib/i18n';
import { useSchoolId } from '../lib/school';
import { useAction, useApi } from '../lib/use-api';
import { ChildFields } from './student-manage';

type SchoolClass = SchoolClasses['classes'][number];
type StaffMember = SchoolStaff['staff'][number];
type ClassRole = 'lead' | 'co_teacher' | 'assistant';
const classRoles: ClassRole[] = ['lead', 'co_teacher', 'assistant'];

function RosterCrumbs({ classes = false }: { classes?: boolean }) {
  const t = useT();
  return (
    <p className="breadcrumb">
      <Link to="/roster">{t('app.roster.title')}</Link>
      {classes ? (
        <>
          <span aria-hidden="true"> › </span>
          <Link to="/roster/classes">{t('app.manage.classes.title')}</Link>
        </>
      ) : null}
    </p>
  );
}

export function ClassesPage() {
  const t = useT();
  const { intlLocale } = useI18n();
  const schoolId = useSchoolId();
  const classes = useApi<SchoolClasses>(schoolId ? `/api/schools/${schoolId}/classes` : null);
  const staff = useApi<SchoolStaff>(schoolId ? `/api/schools/${schoolId}/staff` : null);
  if (classes.status === 'loading') return <Loading />;
  if (classes.status === 'error') return <ErrorNotice error={classes.error} />;
  const collator = new Intl.Collator(intlLocale, { numeric: true });
  const sorted = [...classes.data.classes].sort((a, b) => collator.compare(a.yearGroup, b.yearGroup) || collator.compare(a.name, b.name));
  const active = sorted.filter((c) => !c.archived);
  const archived = sorted.filter((c) => c.archived);
  return (
    <div>
      <RosterCrumbs />
      <h1>{t('app.manage.classes.title')}</h1>
      <p className="lead">{t('app.manage.classes.lead')}</p>
      <section aria-labelledby="active-classes">
        <h2 id="active-classes">{t('app.manage.classes.active', { count: active.length })}</h2>
        <ClassList classes={active} />
      </section>
      <AddClassForm staff={staff.status === 'ready' ? staff.data.staff : []} onAdded={classes.reload} />
      {archived.length > 0 ? (
        <section aria-labelledby="archived-classes">
          <h2 id="archived-classes">{t('app.manage.classes.archivedTitle', { count: archived.length })}</h2>
          <ClassList classes={archived} />
        </section>
      ) : null}
    </div>
  );
}

function ClassList({ classes }: { classes: SchoolClass[] }) {
  const t = useT();
  if (classes.length === 0) return <p>{t('app.manage.classes.none')}</p>;
  return (
    <ul className="card-list">
      {classes.map((c) => (
        <li key={c.id}>
          <Link className="card card-link" to={`/roster/classes/${c.id}`}>
            <span className="card-title">
              <Name>{c.name}</Name>
              {c.archived ? <span className="badge badge-archived">{t('app.manage.common.archived')}</span> : null}
            </span>
            <span className="card-meta">
              <Name>{c.yearGroup}</Name> · {t('app.home.students', { count: c.studentCount })}
            </span>
            <span className="card-meta">
              {t('app.manage.classes.code')} <span translate="no" className="code-inline">{c.classCode}</span>
            </span>
            <span className="card-meta">
              {c.teachers.length === 0
                ? t('app.manage.classes.noTeachers')
                : <TeachersWithRoles teachers={c.teachers} />}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function StaffOptions({ staff, exclude = [] }: { staff: StaffMember[]; exclude?: string[] }) {
  const { intlLocale } = useI18n();
  return (
    <>
      {staff
        .filter((s) => !s.archived && !exclude.includes(s.userId))
        .sort(byName(intlLocale))
        .map((s) => (
          <option key={s.userId} value={s.userId} translate="no">
            {s.givenName} {s.familyName}
          </option>
        ))}
    </>
  );
}

function AddClassForm({ staff, onAdded }: { staff: StaffMember[]; onAdded(): void }) {
  const t = useT();
  const schoolId = useSchoolId();
  const [name, setName] = useState('');
  const [yearGroup, setYearGroup] = useState('');
  const [lead, setLead] = useState('');
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const { busy, error, run } = useAction();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !schoolId) return;
    setAdded(null);
    void run(async () => {
      const { id } = await api<{ id: string }>('POST', `/api/schools/${schoolId}/classes`, {
        name,
        yearGroup,
        teachers: lead ? [{ userId: lead, role: 'lead' }] : [],
      });
      setAdded({ id, name: name.trim() });
      setName('');
      setYearGroup('');
      setLead('');
      onAdded();
    });
  }

  return (
    <section className="card add-form" aria-labelledby="add-class">
      <h2 id="add-class">{t('app.manage.classes.addTitle')}</h2>
      <form onSubmit={submit} noValidate>
        <Field label={t('app.manage.classes.name')} hint={t('app.manage.classes.nameHint')} name="name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError(t, error, 'name')} autoComplete="off" />
        <Field label={t('app.manage.classes.yearGroup')} hint={t('app.manage.classes.yearGroupHint')} name="yearGroup" value={yearGroup} onChange={(e) => setYearGroup(e.target.value)} error={fieldError(t, error, 'yearGroup')} autoComplete="off" />
        <SelectField label={t('app.manage.classes.leadTeacher')} name="lead" value={lead} onChange={(e) => setLead(e.target.value)} error={fieldErrorUnder(t, error, 'teachers')}>
          <option value="">{t('app.manage.classes.noLeadYet')}</option>
          <StaffOptions staff={staff} />
        </SelectField>
        <ErrorNotice error={error} />
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('app.manage.classes.add')}
        </button>
      </form>
      <Saved message={added ? t('app.manage.classes.added', { name: added.name }) : null}>
        {added ? (
          <Link to={`/roster/classes/${added.id}`}>{t('app.manage.classes.open', { name: added.name })}</Link>
        ) : null}
      </Saved>
    </section>
  );
}

export function ManageClassPage() {
  const t = useT();
  const { id } = useParams();
  const schoolId = useSchoolId();
  const list = useApi<SchoolClasses>(schoolId ? `/api/schools/${schoolId}/classes` : null);
  const staff = useApi<SchoolStaff>(schoolId ? `/api/schools/${schoolId}/staff` : null);
  const klass = list.status === 'ready' ? list.data.classes.find((c) => c.id === id) : undefined;
  // An archived class cannot be opened as a class (it has left everyone's pages): its list entry is enough.
  const detail = useApi<ClassDetail>(klass && !klass.archived ? `/api/classes/${id}` : null);
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ErrorNotice error={list.error} />;
  if (!klass) return <ErrorNotice error={new ApiError(404, 'not_found')} />;
  const reload = () => {
    list.reload();
    detail.reload();
  };
  const staffList = staff.status === 'ready' ? staff.data.staff : [];
  return (
    <div>
      <RosterCrumbs classes />
      <h1>
        <Name>{klass.name}</Name>
      </h1>
      <p className="lead">
        <Name>{klass.yearGroup}</Name> · {t('app.home.students', { count: klass.studentCount })} · {t('app.manage.classes.code')}{' '}
        <span translate="no" className="code-inline">
          {klass.classCode}
        </span>
        {klass.archived ? <span className="badge badge-archived">{t('app.manage.common.archived')}</span> : null}
      </p>
      {!klass.archived ? (
        <p>
          <Link to={`/classes/${klass.id}`}>{t('app.manage.classes.classPage')}</Link>
        </p>
      ) : null}
      <ClassDetailsForm key={klass.id} klass={klass} onSaved={reload} />
      <TeachersEditor klass={klass} staff={staffList} onChanged={reload} />
      {!klass.archived ? (
        <section aria-labelledby="class-children">
          <h2 id="class-children">{t('app.class.children')}</h2>
          {detail.status === 'ready' ? (
            detail.data.students.length === 0 ? (
              <p>{t('app.manage.classes.noChildren')}</p>
            ) : (
              <ul className="roster">
                {detail.data.students.map((s) => (
                  <li key={s.id}>
                    <Link to={`/students/${s.id}`}>
                      <PictureGlyph name={s.avatar} />
                      <Name>
                        {s.givenName} {s.familyName}
                      </Name>
                    </Link>
                  </li>
                ))}
              </ul>
            )
          ) : detail.status === 'error' ? (
            <ErrorNotice error={detail.error} />
          ) : (
            <Loading />
          )}
          <AddChildForm klass={klass} keyStage={detail.status === 'ready' ? (detail.data.students.find((s) => s.keyStage)?.keyStage ?? '') : ''} onAdded={reload} />
        </section>
      ) : null}
      <ArchiveClass klass={klass} onChanged={reload} />
    </div>
  );
}

function ClassDetailsForm({ klass, onSaved }: { klass: SchoolClass; onSaved(): void }) {
  const t = useT();
  const [name, setName] = useState(klass.name);
  const [yearGroup, setYearGroup] = useState(klass.yearGroup);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  return (
    <section className="card" aria-labelledby="class-details">
      <h2 id="class-details">{t('app.manage.classes.detailsTitle')}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          setSaved(false);
          void run(async () => {
            await api('PATCH', `/api/classes/${klass.id}`, { name, yearGroup });
            setSaved(true);
            onSaved();
          });
        }}
      >
        <Field label={t('app.manage.classes.name')} name="name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError(t, error, 'name')} autoComplete="off" />
        <Field label={t('app.manage.classes.yearGroup')} name="yearGroup" value={yearGroup} onChange={(e) => setYearGroup(e.target.value)} error={fieldError(t, error, 'yearGroup')} autoComplete="off" />
        <ErrorNotice error={error} />
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('app.manage.common.save')}
        </button>
      </form>
      <Saved message={saved ? t('app.manage.common.saved') : null} />
    </section>
  );
}

/**
 * The class's teachers. Each change sends the whole list (PUT), so what is on screen is what is
 * saved; a problem with one person (`teachers.2.userId: not_staff`) is shown next to them.
 */
function TeachersEditor({ klass, staff, onChanged }: { klass: SchoolClass; staff: StaffMember[]; onChanged(): void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const [roles, setRoles] = useState<Record<string, ClassRole>>({});
  const [adding, setAdding] = useState('');
  const [noOne, setNoOne] = useState(false);
  const [addRole, setAddRole] = useState<ClassRole>(klass.teachers.some((x) => x.role === 'lead') ? 'co_teacher' : 'lead');
  const sent = useRef<string[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const current = klass.teachers.map((x) => ({ userId: x.userId, role: x.role }));
  const fullName = (userId: string) => {
    const p = klass.teachers.find((x) => x.userId === userId) ?? staff.find((s) => s.userId === userId);
    return p ? `${p.givenName} ${p.familyName}` : '';
  };
  const errorOf = (userId: string) => {
    if (!(error instanceof ApiError)) return undefined;
    const i = sent.current.indexOf(userId);
    return i >= 0 ? fieldError(t, error, `teachers.${i}.userId`) : undefined;
  };

  function save(next: Array<{ userId: string; role: ClassRole }>, message: string, after?: () => void) {
    if (busy) return;
    setDone(null);
    sent.current = next.map((x) => x.userId);
    void run(async () => {
      await api('PUT', `/api/classes/${klass.id}/teachers`, { teachers: next });
      setDone(message);
      setRoles({});
      after?.();
      onChanged();
    });
  }

  return (
    <section className="card" aria-labelledby="class-teachers">
      <h2 id="class-teachers" ref={headingRef} tabIndex={-1}>
        {t('app.class.teachers')}
      </h2>
      {klass.teachers.length === 0 ? <p>{t('app.manage.classes.noTeachers')}</p> : null}
      <ul className="stack-list">
        {klass.teachers.map((x) => (
          <TeacherRow
            key={x.userId}
            teacher={x}
            role={roles[x.userId] ?? x.role}
            error={errorOf(x.userId)}
            busy={busy}
            onRole={(role) => setRoles((r) => ({ ...r, [x.userId]: role }))}
            onSaveRole={() => {
              const role = roles[x.userId] ?? x.role;
              save(
                current.map((c) => (c.userId === x.userId ? { ...c, role } : c)),
                t('app.manage.teachers.roleSaved', { name: fullName(x.userId), role: t(`app.roles.class.${role}`) }),
              );
            }}
            onRemove={() =>
              save(
                current.filter((c) => c.userId !== x.userId),
                t('app.manage.teachers.removed', { name: fullName(x.userId), className: klass.name }),
                // The row and its button go: focus goes to the list's heading instead of the page's start.
                () => headingRef.current?.focus(),
              )
            }
          />
        ))}
      </ul>
      <form
        className="inline-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setNoOne(!adding);
          if (!adding) return;
          save([...current, { userId: adding, role: addRole }], t('app.manage.teachers.added', { name: fullName(adding), role: t(`app.roles.class.${addRole}`) }), () => setAdding(''));
        }}
      >
        <h3>{t('app.manage.teachers.addTitle')}</h3>
        <SelectField
          label={t('app.manage.teachers.who')}
          name="teacher"
          value={adding}
          onChange={(e) => {
            setAdding(e.target.value);
            if (e.target.value) setNoOne(false);
          }}
          error={noOne ? t('errors.fields.invalid_value') : adding ? errorOf(adding) : undefined}
        >
          <option value="">{t('app.manage.teachers.choose')}</option>
          <StaffOptions staff={staff} exclude={klass.teachers.map((x) => x.userId)} />
        </SelectField>
        <SelectField label={t('app.manage.teachers.role')} name="role" value={addRole} onChange={(e) => setAddRole(e.target.value as ClassRole)}>
          {classRoles.map((r) => (
            <option key={r} value={r}>
              {t(`app.roles.class.${r}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('app.manage.teachers.add')}
        </button>
      </form>
      <ErrorNotice error={error} />
      <Saved message={done} />
    </section>
  );
}

function TeacherRow({
  teacher,
  role,
  error,
  busy,
  onRole,
  onSaveRole,
  onRemove,
}: {
  teacher: SchoolClass['teachers'][number];
  role: ClassRole;
  error: string | undefined;
  busy: boolean;
  onRole(role: ClassRole): void;
  onSaveRole(): void;
  onRemove(): void;
}) {
  const t = useT();
  const nameId = useId();
  return (
    <li className="stack-item">
      <span className="card-title" id={nameId}>
        <Name>
          {teacher.givenName} {teacher.familyName}
        </Name>
      </span>
      <span className="card-meta">{t(`app.roles.class.${teacher.role}`)}</span>
      {error ? <p className="field-error">{error}</p> : null}
      <form
        className="inline-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSaveRole();
        }}
      >
        <SelectField label={t('app.manage.teachers.role')} aria-describedby={nameId} value={role} onChange={(e) => onRole(e.target.value as ClassRole)}>
          {classRoles.map((r) => (
            <option key={r} value={r}>
              {t(`app.roles.class.${r}`)}
            </option>
          ))}
        </SelectField>
        <div className="row row-tight">
          <button type="submit" className="button" aria-describedby={nameId} aria-disabled={busy || role === teacher.role || undefined}>
            {t('app.manage.teachers.saveRole')}
          </button>
          <button type="button" className="button button-quiet" aria-describedby={nameId} aria-disabled={busy || undefined} onClick={() => !busy && onRemove()}>
            {t('app.manage.teachers.remove')}
          </button>
        </div>
      </form>
    </li>
  );
}

/** A new child in this class; their own picture and two sign-in pictures can be chosen now or later. */
function AddChildForm({ klass, keyStage: classKeyStage, onAdded }: { klass: SchoolClass; keyStage: string; onAdded(): void }) {
  const t = useT();
  const schoolId = useSchoolId();
  const pictureNames = usePictureNames();
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [yearGroup, setYearGroup] = useState(klass.yearGroup);
  const [gradeLevel, setGradeLevel] = useState('');
  const [keyStage, setKeyStage] = useState<string | null>(null);
  const [avatar, setAvatar] = useState<AvatarKey | null>(null);
  const [pictures, setPictures] = useState<PasswordPictureKey[]>([]);
  const [picturesHalf, setPicturesHalf] = useState(false);
  const [added, setAdded] = useState<{ id: string; name: string; pictures: PasswordPictureKey[] } | null>(null);
  const { busy, error, run } = useAction();
  const keyStageValue = keyStage ?? classKeyStage;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !schoolId) return;
    setAdded(null);
    // One picture is neither a password nor none: say so before sending.
    if (pictures.length > 0 && pictures.length < PICTURE_PASSWORD_LENGTH) {
      setPicturesHalf(true);
      return;
    }
    setPicturesHalf(false);
    void run(async () => {
      const { id } = await api<{ id: string }>('POST', `/api/schools/${schoolId}/students`, {
        givenName,
        familyName,
        yearGroup,
        gradeLevel: gradeLevel.trim() === '' ? undefined : Number(gradeLevel),
        keyStage: keyStageValue.trim() || null,
        classIds: [klass.id],
        ...(avatar ? { avatar } : {}),
        ...(pictures.length ? { pictures } : {}),
      });
      setAdded({ id, name: `${givenName.trim()} ${familyName.trim()}`, pictures });
      // Ready for the next child of the class: the names and pictures go, the class's details stay.
      setGivenName('');
      setFamilyName('');
      setAvatar(null);
      setPictures([]);
      onAdded();
    });
  }

  return (
    <section className="card add-form" aria-labelledby="add-child">
      <h2 id="add-child">{t('app.manage.child.addTitle')}</h2>
      <form onSubmit={submit} noValidate>
        <ChildFields
          values={{ givenName, familyName, yearGroup, gradeLevel, keyStage: keyStageValue }}
          set={{ givenName: setGivenName, familyName: setFamilyName, yearGroup: setYearGroup, gradeLevel: setGradeLevel, keyStage: setKeyStage }}
          error={error}
        />
        <details className="more">
          <summary>{t('app.manage.child.picturesNow')}</summary>
          <p className="hint">{t('app.manage.child.picturesHint')}</p>
          <AvatarPicker legend={t('app.manage.pictures.avatar')} value={avatar} onChange={setAvatar} allowNone />
          <PicturePasswordPicker
            legend={t('app.manage.pictures.signIn')}
            hint={t('app.manage.pictures.signInHint')}
            value={pictures}
            onChange={(p) => {
              setPictures(p);
              if (p.length !== 1) setPicturesHalf(false);
            }}
            error={picturesHalf ? t('app.manage.pictures.chooseTwo') : fieldErrorUnder(t, error, 'pictures')}
          />
        </details>
        <ErrorNotice error={error} />
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('app.manage.child.add')}
        </button>
      </form>
      <Saved
        message={
          added
            ? `${t('app.manage.child.added', { name: added.name, className: klass.name })}${added.pictures.length ? ` ${t('app.manage.child.addedPictures', { pictures: pictureNames(added.pictures) })}` : ''}`
            : null
        }
      >
        {added ? (
          <Link to={`/students/${added.id}`}>{t('app.manage.child.open', { name: added.name })}</Link>
        ) : null}
      </Saved>
    </section>
  );
}

function ArchiveClass({ klass, onChanged }: { klass: SchoolClass; onChanged(): void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const change = async (archived: boolean) => {
    setDone(null);
    await run(async () => {
      await api('PATCH', `/api/classes/${klass.id}`, { archived });
      setDone(archived ? t('app.manage.classes.archivedDone', { name: klass.name }) : t('app.manage.classes.restoredDone', { name: klass.name }));
      onChanged();
    });
    // The button pressed is replaced by its opposite (or the question closes): keep focus in this part of the page.
    headingRef.current?.focus();
  };
  return (
    <section className="card" aria-labelledby="archive-class">
      <h2 id="archive-class" ref={headingRef} tabIndex={-1}>
        {klass.archived ? t('app.manage.classes.restoreTitle') : t('app.manage.classes.archiveTitle')}
      </h2>
      <p>{klass.archived ? t('app.manage.classes.restoreHint') : t('app.manage.classes.archiveHint')}</p>
      <ErrorNotice error={error} />
      {klass.archived ? (
        <button type="button" className="button button-primary" aria-disabled={busy || undefined} onClick={() => !busy && void change(false)}>
          {t('app.manage.classes.restore')}
        </button>
      ) : (
        <ConfirmAction
          label={t('app.manage.classes.archive')}
          question={t('app.manage.classes.archiveQuestion', { name: klass.name, count: klass.studentCount })}
          confirmLabel={t('app.manage.classes.archiveYes')}
          busy={busy}
          onConfirm={() => change(true)}
        />
      )}
      <Saved message={done} />
    </section>
  );
}
