/**
 * Young pupils sign in without reading or spelling: the class code (typed by an adult, or opened
 * from the class's printed QR code), then their own picture, then their two secret pictures in
 * order — recognising pictures, not recalling a password (WCAG 2.2 SC 3.3.8).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { ClassForSignIn, SessionState } from '../../contracts/api';
import { passwordPictureKeys, PICTURE_PASSWORD_LENGTH, type PasswordPictureKey } from '../../domain/pictures';
import { useStepHeading } from '../components/layout';
import { ErrorNotice, Field, fieldError, Name, Picture, PictureGlyph } from '../components/ui';
import { api, ApiError } from '../lib/api';
import { useT } from '../lib/i18n';
import { returnPath } from '../lib/return-to';
import { useSession } from '../lib/session';
import { useAction } from '../lib/use-api';

export function ClassSignInPage() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const { signedIn } = useSession();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [klass, setKlass] = useState<ClassForSignIn | null>(null);
  const [studentId, setStudentId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<PasswordPictureKey[]>([]);
  const { busy, error, setError, run } = useAction();
  const student = klass?.students.find((s) => s.studentId === studentId);
  // The steps share one address, so the layout's "new page" focus does not run: move focus to each
  // step's heading, so it is announced and focus is not left on a button that has gone.
  const step = !klass ? 'code' : !student ? 'who' : 'pictures';
  const headingRef = useStepHeading(step);

  function lookUp(classCode: string) {
    return run(async () => setKlass(await api<ClassForSignIn>('POST', '/api/auth/class-code', { classCode })));
  }

  // Opened from the class QR code: the code is in the address, so go straight to the pictures.
  useEffect(() => {
    const fromQr = params.get('code');
    if (fromQr) void lookUp(fromQr);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function choose(picture: PasswordPictureKey) {
    if (busy || chosen.includes(picture) || !klass || !studentId) return;
    const next = [...chosen, picture];
    setChosen(next);
    setError(null);
    if (next.length < PICTURE_PASSWORD_LENGTH) return;
    await run(async () => {
      try {
        signedIn(await api<SessionState>('POST', '/api/auth/pictures', { classCode: code || params.get('code'), studentId, pictures: next }));
        navigate(returnPath(location.state), { replace: true });
      } catch (err) {
        setChosen([]);
        throw err;
      }
    });
  }

  if (!klass) {
    return (
      <div className="narrow">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('app.classSignIn.title')}
        </h1>
        <form
          className="card"
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (!busy) void lookUp(code);
          }}
        >
          <Field
            label={t('app.classSignIn.code')}
            hint={t('app.classSignIn.codeHint')}
            name="classCode"
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={fieldError(t, error, 'classCode')}
          />
          <ErrorNotice error={error instanceof ApiError && error.fields.classCode ? null : error} />
          <button className="button button-primary" type="submit" aria-disabled={busy || undefined}>
            {t('app.classSignIn.next')}
          </button>
        </form>
      </div>
    );
  }

  if (!student) {
    return (
      <div>
        <h1 ref={headingRef} tabIndex={-1}>
          {t('app.classSignIn.whoAreYou')}
        </h1>
        <p className="lead">
          <Name>{klass.className}</Name>
        </p>
        <ul className="picture-grid" aria-label={t('app.classSignIn.whoAreYou')}>
          {klass.students.map((s) => (
            <li key={s.studentId}>
              <button type="button" className="picture-button" onClick={() => setStudentId(s.studentId)}>
                <PictureGlyph name={s.avatar} size="xl" />
                <span className="picture-label">
                  <Name>
                    {s.givenName} {s.familyInitial}
                  </Name>
                </span>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="button button-quiet" onClick={() => setKlass(null)}>
          {t('app.classSignIn.otherClass')}
        </button>
      </div>
    );
  }

  return (
    <div>
      <div className="who">
        <PictureGlyph name={student.avatar} size="xl" />
        <h1 ref={headingRef} tabIndex={-1}>
          {t('app.classSignIn.yourPictures', { name: student.givenName })}
        </h1>
      </div>
      <p className="lead">{t('app.classSignIn.tapTwo')}</p>
      <ol className="slots" aria-label={t('app.classSignIn.chosen')}>
        {Array.from({ length: PICTURE_PASSWORD_LENGTH }, (_, i) => {
          const key = chosen[i];
          return (
            <li key={i} className={key ? 'slot slot-filled' : 'slot'}>
              {key ? <Picture name={key} size="lg" /> : <span className="visually-hidden">{t('app.classSignIn.empty')}</span>}
            </li>
          );
        })}
      </ol>
      <div aria-live="polite">
        <ErrorNotice error={error} />
      </div>
      <ul className="picture-grid picture-grid-password">
        {passwordPictureKeys.map((key) => (
          <li key={key}>
            <button
              type="button"
              className="picture-button"
              aria-pressed={chosen.includes(key)}
              // Not `disabled` while signing in: the pressed button keeps focus (choose() ignores presses meanwhile).
              aria-disabled={busy || undefined}
              onClick={() => void choose(key)}
            >
              <Picture name={key} size="xl" />
            </button>
          </li>
        ))}
      </ul>
      <div className="row">
        {/* aria-disabled, not disabled: pressing it empties the slots, and focus must not drop to <body>. */}
        <button
          type="button"
          className="button"
          aria-disabled={busy || chosen.length === 0 || undefined}
          onClick={() => {
            if (!busy) setChosen([]);
          }}
        >
          {t('app.classSignIn.startAgain')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            setStudentId(null);
            setChosen([]);
            setError(null);
          }}
        >
          {t('app.classSignIn.notMe')}
        </button>
      </div>
    </div>
  );
}
