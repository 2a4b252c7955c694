/**
 * The commitment boxes of a goal: one per person — the child, their teacher(s), each guardian —
 * each showing what that person wrote, or who has not written yet. Only the reader's own box has
 * a text field (the API refuses anyone else's anyway): each person writes only their own.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { GoalView, StakeholderView } from '../../../contracts/goals';
import { ConfirmAction, Saved } from '../../components/forms';
import { ErrorNotice, fieldError, Name } from '../../components/ui';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';

const roleIcon = { student: '🧒', teacher: '🍎', guardian: '🏠' } as const;

export function CommitmentBoxes({ goal, stakeholders, childName, child, level, onChanged }: { goal: GoalView; stakeholders: StakeholderView[]; childName: string; child: boolean; level: 2 | 3; onChanged(): void }) {
  const t = useT();
  const headingId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="goal-commitments" aria-labelledby={headingId}>
      <Heading id={headingId} className="goal-subheading">
        {t('goals.commit.title')}
      </Heading>
      {!child ? <p className="hint">{t('goals.commit.hint')}</p> : null}
      <ul className="goal-boxes">
        {stakeholders.map((s) => {
          const written = goal.commitments.find((c) => c.userId === s.userId);
          const name = `${s.givenName} ${s.familyName}`.trim();
          return (
            <li key={s.userId} className={`goal-box goal-box-${s.role}${s.me ? ' goal-box-mine' : ''}`}>
              <p className="goal-box-who">
                <span aria-hidden="true">{roleIcon[s.role]}</span> {s.me && child ? t('goals.commit.meChild') : s.me ? t('goals.commit.me', { role: t(`goals.role.${s.role}`) }) : t('goals.commit.box', { role: t(`goals.role.${s.role}`), name })}
              </p>
              {s.me && goal.can.commit ? (
                <MyCommitment goalId={goal.id} role={s.role} text={written?.text ?? ''} childName={childName} onChanged={onChanged} />
              ) : written ? (
                <p className="goal-box-text" dir="auto" data-content>
                  {written.text}
                </p>
              ) : (
                <p className="goal-box-empty">{s.me ? t('goals.commit.notYetMine') : t('goals.commit.notYet', { name: s.givenName })}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function MyCommitment({ goalId, role, text, childName, onChanged }: { goalId: string; role: StakeholderView['role']; text: string; childName: string; onChanged(): void }) {
  const t = useT();
  const id = useId();
  const [value, setValue] = useState(text);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => setValue(text), [text]);
  const label = role === 'student' ? t('goals.commit.promptStudent') : role === 'teacher' ? t('goals.commit.promptTeacher', { name: childName }) : t('goals.commit.promptGuardian', { name: childName });
  const invalid = fieldError(t, error, 'text');
  return (
    <form
      className="goal-my-commitment"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        setSaved(null);
        void run(async () => {
          await api('PUT', `/api/goals/${goalId}/commitments/me`, { text: value });
          setSaved(t('goals.commit.saved'));
          onChanged();
        });
      }}
    >
      <label htmlFor={id} className="goal-my-label">
        {label}
      </label>
      <textarea ref={field} id={id} dir="auto" data-content rows={3} maxLength={1000} value={value} aria-invalid={invalid ? true : undefined} aria-describedby={invalid ? `${id}-error` : undefined} onChange={(e) => setValue(e.target.value)} />
      {invalid ? (
        <p className="field-error" id={`${id}-error`}>
          {invalid}
        </p>
      ) : null}
      <div className="row row-tight">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {text ? t('goals.commit.change') : t('goals.commit.save')}
        </button>
        {text ? (
          <ConfirmAction
            label={t('goals.commit.remove')}
            question={t('goals.commit.removeQuestion')}
            confirmLabel={t('goals.commit.removeYes')}
            busy={busy}
            onConfirm={() =>
              run(async () => {
                await api('DELETE', `/api/goals/${goalId}/commitments/me`);
                setSaved(t('goals.commit.removed'));
                onChanged();
                field.current?.focus();
              })
            }
          />
        ) : null}
      </div>
      {error && !invalid ? <ErrorNotice error={error} /> : null}
      <Saved message={saved} />
    </form>
  );
}

/** "Still to write: Emma Bramwell, Mr Okafor" for a goal's summary. */
export function waitingFor(goal: GoalView, stakeholders: StakeholderView[]): StakeholderView[] {
  return stakeholders.filter((s) => !goal.commitments.some((c) => c.userId === s.userId));
}

export function NameList({ people }: { people: StakeholderView[] }) {
  return (
    <Name>
      {people.map((p) => `${p.givenName} ${p.familyName}`.trim()).join(', ')}
    </Name>
  );
}
