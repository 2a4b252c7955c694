/**
 * A class's conferencing at a glance, for its teacher: each child's stage, when they last
 * conferenced (or never), their open next steps and follow-up (overdue stands out), and requests;
 * the children's requests to triage (a time, a pupil conferencer, a reply, or closing it); pupils'
 * notes waiting for review; and the pairings of pupil conferencers with the pieces they see.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { ClassConferencing, ConferenceForm, PairingView, RequestView } from '../../../contracts/conferencing';
import { REPLY_MAX } from '../../../domain/conferencing/log';
import { ConfirmAction, fieldErrorUnder } from '../../components/forms';
import { ErrorNotice, Field, FieldShell, Loading, Name, fieldError } from '../../components/ui';
import { api, ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAction, useApi } from '../../lib/use-api';
import { MediaDisplay } from '../portfolio/media';
import { fromLocalInput, toLocalInput } from '../rounds/format';
import { ChildName, Day, Moment, daysBetween, PieceList } from './text';

type Candidate = ClassConferencing['candidates'][number];

export function ChildrenTable({ data }: { data: ClassConferencing }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="table table-stack cf-children">
        <caption className="visually-hidden">{t('conferencing.class.childrenCaption', { className: data.class.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('conferencing.class.child')}</th>
            <th scope="col">{t('conferencing.class.stage')}</th>
            <th scope="col">{t('conferencing.class.last')}</th>
            <th scope="col">{t('conferencing.class.openSteps')}</th>
            <th scope="col">{t('conferencing.class.followUp')}</th>
            <th scope="col">{t('conferencing.class.requests')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('conferencing.class.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.children.map((c) => {
            const late = c.followUpOn ? daysBetween(c.followUpOn, data.today) : null;
            const overdue = late !== null && late > 0;
            return (
              <tr key={c.student.id} className={overdue ? 'cf-row-overdue' : undefined}>
                <th scope="row">
                  <Link to={`/students/${c.student.id}/conferences`}>
                    <ChildName child={c.student} />
                  </Link>
                </th>
                <td data-label={t('conferencing.class.stage')}>{c.stage ? <Name>{c.stage}</Name> : '—'}</td>
                <td data-label={t('conferencing.class.last')}>
                  {c.lastHeldOn ? (
                    <>
                      <Day iso={c.lastHeldOn} />
                      {c.lastType ? <span className="cf-cell-note"> · {t(`conferencing.type.${c.lastType}`)}</span> : null}
                    </>
                  ) : (
                    <span className="badge badge-warning">{t('conferencing.class.never')}</span>
                  )}
                </td>
                <td data-label={t('conferencing.class.openSteps')}>
                  {c.openSteps.length === 0 ? (
                    '0'
                  ) : (
                    <details className="cf-steps-cell">
                      <summary>{t('conferencing.class.stepsCount', { count: c.openSteps.length })}</summary>
                      <ul>
                        {c.openSteps.map((s) => (
                          <li key={s.id}>
                            <Link to={`/pupil-conferences/${s.conferenceId}`} dir="auto" data-content>
                              {s.text}
                            </Link>{' '}
                            <span className="cf-cell-note">({t(`conferencing.owner.${s.owner}`)})</span>
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
                <td data-label={t('conferencing.class.followUp')}>
                  {c.followUpOn ? (
                    <>
                      <Day iso={c.followUpOn} />
                      {overdue ? <span className="badge badge-error">{t('conferencing.class.overdue', { days: late })}</span> : late === 0 ? <span className="badge badge-pending">{t('conferencing.class.today')}</span> : null}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td data-label={t('conferencing.class.requests')}>{c.openRequests > 0 ? <span className="badge badge-pending">{t('conferencing.class.requestsCount', { count: c.openRequests })}</span> : '0'}</td>
                <td className="cf-cell-action">
                  <Link className="button button-quiet" to={`/students/${c.student.id}/conferences/new`}>
                    {t('conferencing.class.log')}
                    <span className="visually-hidden">
                      {' '}
                      {t('conferencing.class.logFor', { name: `${c.student.givenName} ${c.student.familyName}` })}
                    </span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const statusBadge: Record<RequestView['status'], string> = { open: 'badge-pending', scheduled: 'badge-ok', paired: 'badge-ok', replied: 'badge-ok', done: 'badge-archived' };

export function RequestCard({ request, candidates, timeZone, onChanged }: { request: RequestView; candidates: Candidate[]; timeZone: string; onChanged(message: string): void }) {
  const t = useT();
  const [mode, setMode] = useState<'schedule' | 'pair' | 'reply' | null>(null);
  const close = useAction();
  const titleId = useId();
  const name = request.student.givenName;
  return (
    <article className="card cf-request" aria-labelledby={titleId}>
      <div className="cf-request-head">
        <h3 id={titleId}>
          <ChildName child={request.student} size="md" />
        </h3>
        <span className={`badge ${statusBadge[request.status]}`}>{t(`conferencing.request.status.${request.status}`)}</span>
      </div>
      <p className="card-meta">
        {t('conferencing.request.asked')} <Moment iso={request.createdAt} timeZone={timeZone} />
      </p>
      {request.about ? (
        <blockquote className="cf-quote" dir="auto" data-content>
          {request.about}
        </blockquote>
      ) : null}
      {request.audio ? <MediaDisplay media={request.audio} label={t('conferencing.request.voice', { name })} /> : null}
      {request.status === 'scheduled' && request.scheduledFor ? (
        <p>
          {t('conferencing.request.scheduledFor')} <Moment iso={request.scheduledFor} timeZone={timeZone} />
        </p>
      ) : null}
      {request.conferencer ? (
        <p>
          {t('conferencing.request.pairedWith')} <ChildName child={request.conferencer} />
        </p>
      ) : null}
      {request.reply ? (
        <p className="cf-reply">
          <strong>{t('conferencing.request.replyShown')}</strong>{' '}
          <span dir="auto" data-content>
            {request.reply}
          </span>
        </p>
      ) : null}
      <div className="row row-tight cf-request-actions">
        <Link className="button button-primary" to={`/students/${request.student.id}/conferences/new?request=${request.id}`}>
          {t('conferencing.request.log')}
        </Link>
        {(['schedule', 'pair', 'reply'] as const).map((m) => (
          <button key={m} type="button" className="button" aria-expanded={mode === m} aria-describedby={titleId} onClick={() => setMode(mode === m ? null : m)}>
            {t(`conferencing.request.action.${m}`)}
          </button>
        ))}
        <ConfirmAction
          danger={false}
          label={t('conferencing.request.close')}
          question={t('conferencing.request.closeQuestion', { name })}
          confirmLabel={t('conferencing.request.closeYes')}
          busy={close.busy}
          describedBy={titleId}
          onConfirm={() =>
            close.run(async () => {
              await api('POST', `/api/conference-requests/${request.id}/triage`, { action: 'close' });
              onChanged(t('conferencing.request.closed', { name }));
            })
          }
        />
      </div>
      <ErrorNotice error={close.error} />
      {mode ? (
        <Triage
          key={mode}
          mode={mode}
          request={request}
          candidates={candidates}
          timeZone={timeZone}
          onCancel={() => setMode(null)}
          onDone={(message) => {
            setMode(null);
            onChanged(message);
          }}
        />
      ) : null}
    </article>
  );
}

function tomorrowAtNine(timeZone: string): string {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
  return `${toLocalInput(tomorrow, timeZone).slice(0, 10)}T09:00`;
}

function Triage({ mode, request, candidates, timeZone, onCancel, onDone }: { mode: 'schedule' | 'pair' | 'reply'; request: RequestView; candidates: Candidate[]; timeZone: string; onCancel(): void; onDone(message: string): void }) {
  const t = useT();
  const [at, setAt] = useState(() => (request.scheduledFor ? toLocalInput(request.scheduledFor, timeZone) : tomorrowAtNine(timeZone)));
  const [reply, setReply] = useState('');
  const [conferencerId, setConferencerId] = useState('');
  const [postIds, setPostIds] = useState<string[]>([]);
  const { busy, error, run } = useAction();
  const name = request.student.givenName;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    void run(async () => {
      const url = `/api/conference-requests/${request.id}/triage`;
      if (mode === 'schedule') {
        await api('POST', url, { action: 'schedule', at: fromLocalInput(at, timeZone) ?? '', reply });
        onDone(t('conferencing.request.scheduled', { name }));
      } else if (mode === 'pair') {
        if (!conferencerId) throw new ApiError(400, 'validation_failed', { conferencerId: 'required' });
        await api('POST', url, { action: 'pair', conferencerId, postIds, reply });
        onDone(t('conferencing.request.paired', { name }));
      } else {
        await api('POST', url, { action: 'reply', reply });
        onDone(t('conferencing.request.replied', { name }));
      }
    });
  };
  return (
    <form className="inline-form cf-triage" noValidate onSubmit={submit}>
      <h4 className="cf-subtitle">{t(`conferencing.request.${mode}Title`, { name })}</h4>
      {mode === 'schedule' ? <Field label={t('conferencing.request.at')} hint={t('conferencing.request.atHint', { name })} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} error={fieldError(t, error, 'at')} required /> : null}
      {mode === 'pair' ? (
        <>
          <ConferencerSelect candidates={candidates.filter((c) => c.id !== request.student.id)} value={conferencerId} onChange={setConferencerId} error={fieldError(t, error, 'conferencerId')} />
          <PiecePicker studentId={request.student.id} childName={name} value={postIds} onChange={setPostIds} error={fieldErrorUnder(t, error, 'postIds')} />
        </>
      ) : null}
      <FieldShell label={mode === 'reply' ? t('conferencing.request.replyLabel', { name }) : t('conferencing.request.replyOptional', { name })} hint={t('conferencing.request.replyHint', { name })} error={fieldError(t, error, 'reply')}>
        {(control) => <textarea {...control} dir="auto" data-content rows={2} maxLength={REPLY_MAX} value={reply} onChange={(e) => setReply(e.target.value)} />}
      </FieldShell>
      <ErrorNotice error={error instanceof ApiError && error.code === 'validation_failed' ? null : error} />
      <div className="row row-tight">
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t(`conferencing.request.${mode}Send`)}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('conferencing.common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Pupils who could conference the class's children, by year group (older first). */
function ConferencerSelect({ candidates, value, onChange, error, label }: { candidates: Candidate[]; value: string; onChange(id: string): void; error?: string | undefined; label?: string }) {
  const t = useT();
  const years = [...new Map(candidates.map((c) => [c.yearGroup, c.gradeLevel])).entries()];
  return (
    <FieldShell label={label ?? t('conferencing.pairing.conferencer')} hint={t('conferencing.pairing.conferencerHint')} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('conferencing.pairing.choose')}</option>
          {years.map(([year]) => (
            <optgroup key={year} label={year}>
              {candidates
                .filter((c) => c.yearGroup === year)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.givenName} {c.familyName}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** Which pieces of a child's approved work a pupil conferencer sees (none chosen: their three newest). */
export function PiecePicker({ studentId, childName, value, onChange, error }: { studentId: string; childName: string; value: string[]; onChange(ids: string[]): void; error?: string | undefined }) {
  const t = useT();
  const form = useApi<ConferenceForm>(`/api/students/${studentId}/pupil-conferences/form`);
  return (
    <fieldset className="choices cf-pieces">
      <legend>{t('conferencing.pairing.pieces', { name: childName })}</legend>
      <p className="hint">{t('conferencing.pairing.piecesHint')}</p>
      {form.status === 'loading' ? <Loading /> : null}
      {form.status === 'error' ? <ErrorNotice error={form.error} /> : null}
      {form.status === 'ready' ? (
        form.data.posts.length === 0 ? (
          <p className="empty">{t('conferencing.pairing.noPieces', { name: childName })}</p>
        ) : (
          <ul className="goal-pick-list cf-pick-list">
            {form.data.posts.map((p) => (
              <li key={p.id}>
                <label className="goal-pick">
                  <input type="checkbox" checked={value.includes(p.id)} onChange={(e) => onChange(e.target.checked ? [...value, p.id] : value.filter((x) => x !== p.id))} />
                  {p.thumbnail ? <MediaDisplay media={p.thumbnail} label="" /> : <span className="goal-evidence-text" aria-hidden="true">📝</span>}
                  <span className="goal-pick-caption" dir="auto" data-content>
                    {p.caption || p.text || t('conferencing.log.untitled')}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

export function PairingCard({ pairing, onChanged }: { pairing: PairingView; onChanged(message: string): void }) {
  const t = useT();
  const [choosing, setChoosing] = useState(false);
  const [postIds, setPostIds] = useState<string[]>(pairing.posts.map((p) => p.id));
  const end = useAction();
  const share = useAction();
  const titleId = useId();
  const who = { conferencer: `${pairing.conferencer.givenName} ${pairing.conferencer.familyName}`, partner: `${pairing.partner.givenName} ${pairing.partner.familyName}` };
  return (
    <article className="card cf-pairing" aria-labelledby={titleId}>
      <h3 id={titleId} className="cf-pairing-title">
        <ChildName child={pairing.conferencer} />
        <span aria-hidden="true" className="cf-arrow">
          →
        </span>
        <span className="visually-hidden"> {t('conferencing.pairing.conferences')} </span>
        <ChildName child={pairing.partner} />
      </h3>
      <p className="card-meta">
        <Name>{pairing.conferencer.yearGroup}</Name> → <Name>{pairing.partner.yearGroup}</Name>
        {pairing.pending > 0 ? <span className="badge badge-pending">{t('conferencing.pairing.pending', { count: pairing.pending })}</span> : null}
      </p>
      <p className="cf-subtitle">{t('conferencing.pairing.shared', { count: pairing.posts.length })}</p>
      {pairing.posts.length ? (
        <PieceList posts={pairing.posts} untitled={t('conferencing.log.untitled')} />
      ) : null}
      <div className="row row-tight">
        <button type="button" className="button" aria-expanded={choosing} aria-describedby={titleId} onClick={() => setChoosing(!choosing)}>
          {t('conferencing.pairing.changePieces')}
        </button>
        <ConfirmAction
          label={t('conferencing.pairing.end')}
          question={t('conferencing.pairing.endQuestion', who)}
          confirmLabel={t('conferencing.pairing.endYes')}
          busy={end.busy}
          describedBy={titleId}
          onConfirm={() =>
            end.run(async () => {
              await api('DELETE', `/api/pupil-pairings/${pairing.id}`);
              onChanged(t('conferencing.pairing.ended', who));
            })
          }
        />
      </div>
      <ErrorNotice error={end.error} />
      {choosing ? (
        <form
          className="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (share.busy) return;
            void share.run(async () => {
              await api('PUT', `/api/pupil-pairings/${pairing.id}/posts`, { postIds });
              setChoosing(false);
              onChanged(t('conferencing.pairing.piecesSaved', who));
            });
          }}
        >
          <PiecePicker studentId={pairing.partner.id} childName={pairing.partner.givenName} value={postIds} onChange={setPostIds} error={fieldErrorUnder(t, share.error, 'postIds')} />
          <ErrorNotice error={share.error} />
          <button type="submit" className="button button-primary" aria-disabled={share.busy || undefined}>
            {t('conferencing.pairing.savePieces')}
          </button>
        </form>
      ) : null}
    </article>
  );
}

/** Pairing a pupil conferencer with one of the class's children, and the pieces to share. */
export function PairForm({ data, onPaired }: { data: ClassConferencing; onPaired(message: string): void }) {
  const t = useT();
  const [partnerId, setPartnerId] = useState('');
  const [conferencerId, setConferencerId] = useState('');
  const [postIds, setPostIds] = useState<string[]>([]);
  const { busy, error, setError, run } = useAction();
  const partner = data.children.find((c) => c.student.id === partnerId)?.student;
  return (
    <form
      className="card cf-pair-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        void run(async () => {
          const missing: Record<string, string> = {};
          if (!partnerId) missing.partnerId = 'required';
          if (!conferencerId) missing.conferencerId = 'required';
          if (Object.keys(missing).length) throw new ApiError(400, 'validation_failed', missing);
          await api('POST', '/api/pupil-pairings', { conferencerId, partnerId, postIds });
          const conferencer = data.candidates.find((c) => c.id === conferencerId);
          onPaired(t('conferencing.pairing.made', { conferencer: conferencer ? `${conferencer.givenName} ${conferencer.familyName}` : '', partner: partner ? `${partner.givenName} ${partner.familyName}` : '' }));
          setPartnerId('');
          setConferencerId('');
          setPostIds([]);
        });
      }}
    >
      <h3 className="cf-form-title">{t('conferencing.pairing.newTitle')}</h3>
      <FieldShell label={t('conferencing.pairing.partner')} error={fieldError(t, error, 'partnerId')}>
        {(control) => (
          <select
            {...control}
            value={partnerId}
            onChange={(e) => {
              setPartnerId(e.target.value);
              setPostIds([]);
              setError(null);
            }}
          >
            <option value="">{t('conferencing.pairing.choose')}</option>
            {data.children.map((c) => (
              <option key={c.student.id} value={c.student.id}>
                {c.student.givenName} {c.student.familyName}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <ConferencerSelect
        candidates={data.candidates.filter((c) => c.id !== partnerId)}
        value={conferencerId}
        onChange={(id) => {
          setConferencerId(id);
          setError(null);
        }}
        error={fieldError(t, error, 'conferencerId')}
      />
      {partner ? <PiecePicker key={partner.id} studentId={partner.id} childName={partner.givenName} value={postIds} onChange={setPostIds} error={fieldErrorUnder(t, error, 'postIds')} /> : null}
      <ErrorNotice error={error} />
      <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
        {t('conferencing.pairing.pair')}
      </button>
    </form>
  );
}
