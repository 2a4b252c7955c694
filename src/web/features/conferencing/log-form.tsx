/**
 * The conference log form, for a new conference and for changing one: it starts from the child's
 * stage (its type, its prompts as guidance), adds the person logging as a conferencer by itself,
 * and keeps everything typed when the server refuses a field (the message is shown next to it).
 *
 * Early years conferences start from a picture: the stimulus comes first, as big buttons to take a
 * photo on the spot or pick one of the child's own; for older children it follows the subject.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ConferenceForm, NewConference, PupilConferenceView } from '../../../contracts/conferencing';
import { conferenceTypes, type ConferenceType } from '../../../domain/conferencing/stages';
import { NOTE_MAX, FOCUS_MAX, STEP_MAX, STEPS_MAX, SUBJECT_MAX, WORDS_MAX, stepOwners, type StepOwner } from '../../../domain/conferencing/log';
import { fieldErrorUnder } from '../../components/forms';
import { ErrorNotice, FieldShell, Name, errorMessage, fieldError } from '../../components/ui';
import { useT } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { useAction } from '../../lib/use-api';
import { MediaDisplay } from '../portfolio/media';
import { VoiceRecorder } from '../portfolio/recorder';
import { ChildName, usePromptText } from './text';
import { useUpload, type Upload } from './upload';

interface StepDraft {
  key: number;
  text: string;
  owner: StepOwner;
  dueOn: string;
}

type Stimulus = { from: 'none' } | { from: 'post'; postId: string } | { from: 'upload' } | { from: 'existing' };

/** What the form sends: a new conference's body, from which a change is taken for an edit. */
export type LogBody = Omit<NewConference, 'studentIds'> & { studentIds: string[] };

let nextKey = 1;

export function LogForm({
  form,
  initial,
  requestId,
  submitLabel,
  onSave,
}: {
  form: ConferenceForm;
  /** The conference being changed (absent for a new one). */
  initial?: PupilConferenceView;
  /** `?request=` of the address: the request this conference answers. */
  requestId?: string | null;
  submitLabel: string;
  onSave(body: LogBody, changed: { stimulus: boolean; audio: boolean }): Promise<void>;
}) {
  const t = useT();
  const { me } = useSession();
  const prompt = usePromptText();
  const schoolId = me?.schools[0]?.id;
  const child = form.student;
  const d = form.defaults;
  // Who is on the record without being listed: its staff author (else, the server adds the person saving).
  const author = initial?.authorRole === 'staff' ? (initial.author?.id ?? me?.id) : me?.id;

  const [type, setType] = useState<ConferenceType>(initial?.type ?? d.type);
  const [heldOn, setHeldOn] = useState(initial?.heldOn ?? form.today);
  const [subject, setSubject] = useState(initial?.subject ?? '');
  const [focus, setFocus] = useState(initial?.focus ?? '');
  const [childWords, setChildWords] = useState(initial?.childWords ?? '');
  const [strengths, setStrengths] = useState(initial?.strengths ?? '');
  const [barriers, setBarriers] = useState(initial?.barriers ?? '');
  const [followUpOn, setFollowUpOn] = useState(initial?.followUpOn ?? '');
  const [steps, setSteps] = useState<StepDraft[]>(() => (initial?.steps ?? []).map((s) => ({ key: nextKey++, text: s.text, owner: s.owner, dueOn: s.dueOn ?? '' })));
  const [postIds, setPostIds] = useState<string[]>(() => initial?.posts.map((p) => p.id) ?? []);
  const [goalIds, setGoalIds] = useState<string[]>(() => initial?.goals.map((g) => g.id) ?? []);
  const [people, setPeople] = useState<Array<{ userId: string; role: 'teacher' | 'assistant' | 'pupil' }>>(() =>
    (initial?.conferencers ?? []).filter((c) => c.id && c.id !== author).map((c) => ({ userId: c.id!, role: c.role })),
  );
  const [request, setRequest] = useState<string>(() => (requestId && form.requests.some((r) => r.id === requestId) ? requestId : ''));
  const [group, setGroup] = useState<string[]>([]);
  const [stimulus, setStimulus] = useState<Stimulus>(initial?.stimulus ? { from: 'existing' } : { from: 'none' });
  const [keepAudio, setKeepAudio] = useState(Boolean(initial?.childWordsAudio));
  const [recording, setRecording] = useState(false);
  const photo = useUpload(schoolId);
  const audio = useUpload(schoolId, 'audio');
  const { busy, error, run } = useAction();
  const summaryRef = useRef<HTMLDivElement>(null);
  const ids = useId();

  // After the server refuses the form, say so where focus is (the summary lists what to look at).
  useEffect(() => {
    if (error) summaryRef.current?.focus();
  }, [error]);

  const types = [...new Set([...d.types, ...(initial ? [initial.type] : [])])];
  const otherTypes = conferenceTypes.filter((x) => !types.includes(x));
  const earlyYears = type === 'early_years';
  const uploading = photo.busy || audio.busy;
  const pictures = form.posts.filter((p) => p.thumbnail);
  const pupilChoices = form.pupils.filter((p) => !people.some((x) => x.userId === p.userId));
  const err = (field: string) => fieldError(t, error, field);

  function submit() {
    if (busy || uploading) return;
    const stimulusPostId = stimulus.from === 'post' ? stimulus.postId : stimulus.from === 'existing' ? (initial?.stimulusPostId ?? null) : null;
    const stimulusMediaId = stimulus.from === 'upload' ? (photo.upload?.media?.id ?? null) : stimulus.from === 'existing' && !initial?.stimulusPostId ? (initial?.stimulus?.id ?? null) : null;
    const childWordsAudioId = audio.upload?.media?.id ?? (keepAudio ? (initial?.childWordsAudio?.id ?? null) : null);
    const body: LogBody = {
      studentIds: [child.id, ...(type === 'group' && !initial ? group : [])],
      requestId: request || null,
      type,
      heldOn,
      subject,
      focus,
      childWords,
      childWordsAudioId,
      stimulusPostId,
      stimulusMediaId,
      strengths,
      barriers,
      followUpOn: followUpOn || null,
      steps: steps.filter((s) => s.text.trim()).map((s) => ({ text: s.text, owner: s.owner, dueOn: s.dueOn || null })),
      postIds,
      goalIds,
      conferencers: people,
    };
    void run(() => onSave(body, { stimulus: stimulus.from !== 'existing', audio: Boolean(audio.upload) || keepAudio !== Boolean(initial?.childWordsAudio) }));
  }

  // Steps with no words are left out of what is sent: field errors name indexes among those sent.
  const sentIndex = new Map<number, number>();
  steps.filter((s) => s.text.trim()).forEach((s, i) => sentIndex.set(s.key, i));

  const stimulusSection = (
    <section className={`cf-section cf-stimulus${earlyYears ? ' cf-stimulus-first' : ''}`} aria-labelledby={`${ids}-stimulus`}>
      <h2 id={`${ids}-stimulus`}>{t('conferencing.log.stimulus')}</h2>
      <p className="hint">{earlyYears ? t('conferencing.log.stimulusHintEarly', { name: child.givenName }) : t('conferencing.log.stimulusHint', { name: child.givenName })}</p>
      {stimulus.from === 'existing' && initial?.stimulus ? (
        <div className="cf-stimulus-chosen">
          <MediaDisplay media={initial.stimulus} label={t('conferencing.record.stimulusAlt', { name: child.givenName })} large />
          <button type="button" className="button button-quiet" onClick={() => setStimulus({ from: 'none' })}>
            {t('conferencing.log.stimulusChange')}
          </button>
        </div>
      ) : stimulus.from === 'upload' && photo.upload ? (
        <div className="cf-stimulus-chosen">
          <UploadedPhoto upload={photo.upload} label={t('conferencing.record.stimulusAlt', { name: child.givenName })} />
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              photo.clear();
              setStimulus({ from: 'none' });
            }}
          >
            {t('conferencing.log.stimulusRemove')}
          </button>
        </div>
      ) : (
        <>
          <div className={`add-buttons cf-photo-buttons${earlyYears ? ' cf-photo-buttons-big' : ''}`} role="group" aria-label={t('conferencing.log.stimulusNew')}>
            <PhotoPick
              icon="📷"
              label={t('conferencing.log.takePhoto')}
              capture
              onFile={(f) => {
                photo.start(f);
                setStimulus({ from: 'upload' });
              }}
            />
            <PhotoPick
              icon="🖼️"
              label={t('conferencing.log.uploadPhoto')}
              onFile={(f) => {
                photo.start(f);
                setStimulus({ from: 'upload' });
              }}
            />
          </div>
          {pictures.length ? (
            <fieldset className="choices">
              <legend>{t('conferencing.log.stimulusPick', { name: child.givenName })}</legend>
              <ul className="goal-pick-list cf-pick-list">
                <li>
                  <label className="goal-pick cf-pick-none">
                    <input type="radio" name={`${ids}-stim`} checked={stimulus.from === 'none'} onChange={() => setStimulus({ from: 'none' })} />
                    <span>{t('conferencing.log.stimulusNone')}</span>
                  </label>
                </li>
                {pictures.map((p) => (
                  <li key={p.id}>
                    <label className="goal-pick">
                      <input type="radio" name={`${ids}-stim`} checked={stimulus.from === 'post' && stimulus.postId === p.id} onChange={() => setStimulus({ from: 'post', postId: p.id })} />
                      {p.thumbnail ? <MediaDisplay media={p.thumbnail} label="" /> : null}
                      <span className="goal-pick-caption" dir="auto" data-content>
                        {p.caption || p.text || t('conferencing.log.untitled')}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ) : null}
        </>
      )}
      {err('stimulusMediaId') || err('stimulusPostId') ? (
        <p className="field-error" role="alert">
          {err('stimulusMediaId') ?? err('stimulusPostId')}
        </p>
      ) : null}
    </section>
  );

  return (
    <form
      className="cf-log"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {earlyYears ? stimulusSection : null}

      <section className="cf-section" aria-labelledby={`${ids}-about`}>
        <h2 id={`${ids}-about`}>{t('conferencing.log.about')}</h2>
        <fieldset className="choices">
          <legend>{t('conferencing.log.type')}</legend>
          <div className="cf-chips">
            {types.map((x) => (
              <label key={x} className="chip">
                <input type="radio" name={`${ids}-type`} checked={type === x} onChange={() => setType(x)} />
                {t(`conferencing.type.${x}`)}
              </label>
            ))}
          </div>
          {otherTypes.length ? (
            <details className="more cf-more-types" open={otherTypes.includes(type) || undefined}>
              <summary>{t('conferencing.log.otherTypes')}</summary>
              <div className="cf-chips">
                {otherTypes.map((x) => (
                  <label key={x} className="chip">
                    <input type="radio" name={`${ids}-type`} checked={type === x} onChange={() => setType(x)} />
                    {t(`conferencing.type.${x}`)}
                  </label>
                ))}
              </div>
            </details>
          ) : null}
          {err('type') ? <p className="field-error">{err('type')}</p> : null}
        </fieldset>
        <div className="field-pair">
          <FieldShell label={t('conferencing.log.heldOn')} error={err('heldOn')}>
            {(control) => <input {...control} type="date" max={form.today} value={heldOn} required onChange={(e) => setHeldOn(e.target.value)} />}
          </FieldShell>
        </div>
        <FieldShell label={t('conferencing.log.subject')} hint={t('conferencing.log.subjectHint')} error={err('subject')}>
          {(control) => <input {...control} dir="auto" data-content maxLength={SUBJECT_MAX} value={subject} onChange={(e) => setSubject(e.target.value)} />}
        </FieldShell>
        <FieldShell label={t('conferencing.log.focus')} hint={t('conferencing.log.focusHint')} error={err('focus')}>
          {(control) => <textarea {...control} dir="auto" data-content rows={2} maxLength={FOCUS_MAX} value={focus} onChange={(e) => setFocus(e.target.value)} />}
        </FieldShell>

        <fieldset className="choices cf-who" aria-describedby={`${ids}-who-hint`}>
          <legend>{t('conferencing.log.who')}</legend>
          <p className="hint" id={`${ids}-who-hint`}>
            {initial?.authorRole === 'staff' && initial.author && initial.author.id !== me?.id
              ? t('conferencing.log.whoAuthor', { name: `${initial.author.givenName} ${initial.author.familyName}` })
              : t('conferencing.log.whoMe')}
          </p>
          {form.staff.filter((s) => s.id !== author).length ? (
            <div className="cf-chips">
              {form.staff
                .filter((s) => s.id !== author)
                .map((s) => (
                  <label key={s.id} className="chip">
                    <input
                      type="checkbox"
                      checked={people.some((p) => p.userId === s.id)}
                      onChange={(e) => setPeople((all) => (e.target.checked ? [...all, { userId: s.id, role: s.role }] : all.filter((p) => p.userId !== s.id)))}
                    />
                    <Name>
                      {s.givenName} {s.familyName}
                    </Name>
                    <span className="cf-chip-note">({t(`conferencing.role.${s.role}`)})</span>
                  </label>
                ))}
            </div>
          ) : null}
          {people.some((p) => p.role === 'pupil') ? (
            <ul className="cf-pupils">
              {people
                .filter((p) => p.role === 'pupil')
                .map((p) => {
                  const pupil = form.pupils.find((x) => x.userId === p.userId);
                  const name = pupil ? `${pupil.givenName} ${pupil.familyName}` : '';
                  return (
                    <li key={p.userId}>
                      {pupil ? <ChildName child={pupil} /> : null}
                      <button type="button" className="button button-link" onClick={() => setPeople((all) => all.filter((x) => x.userId !== p.userId))}>
                        {t('conferencing.log.removePerson', { name })}
                      </button>
                    </li>
                  );
                })}
            </ul>
          ) : null}
          {pupilChoices.length ? <AddPupil pupils={pupilChoices} onAdd={(userId) => setPeople((all) => [...all, { userId, role: 'pupil' }])} /> : null}
          {fieldErrorUnder(t, error, 'conferencers') ? <p className="field-error">{fieldErrorUnder(t, error, 'conferencers')}</p> : null}
        </fieldset>

        {type === 'group' && !initial && form.classmates.length ? (
          <fieldset className="choices cf-group" aria-describedby={`${ids}-group-hint`}>
            <legend>{t('conferencing.log.group')}</legend>
            <p className="hint" id={`${ids}-group-hint`}>
              {t('conferencing.log.groupHint', { name: child.givenName })}
            </p>
            <div className="cf-chips">
              {form.classmates.map((c) => (
                <label key={c.id} className="chip">
                  <input type="checkbox" checked={group.includes(c.id)} onChange={(e) => setGroup((all) => (e.target.checked ? [...all, c.id] : all.filter((x) => x !== c.id)))} />
                  <Name>
                    {c.givenName} {c.familyName}
                  </Name>
                </label>
              ))}
            </div>
            {fieldErrorUnder(t, error, 'studentIds') ? <p className="field-error">{fieldErrorUnder(t, error, 'studentIds')}</p> : null}
          </fieldset>
        ) : null}

        {!initial && form.requests.length ? (
          <fieldset className="choices cf-request-choice">
            <legend>{t('conferencing.log.request', { name: child.givenName })}</legend>
            <label className="choice">
              <input type="radio" name={`${ids}-request`} checked={request === ''} onChange={() => setRequest('')} />
              <span>{t('conferencing.log.requestNone')}</span>
            </label>
            {form.requests.map((r) => (
              <label key={r.id} className="choice">
                <input type="radio" name={`${ids}-request`} checked={request === r.id} onChange={() => setRequest(r.id)} />
                <span dir="auto" data-content>
                  {r.about || t('conferencing.log.requestVoice')}
                </span>
              </label>
            ))}
            {err('requestId') ? <p className="field-error">{err('requestId')}</p> : null}
          </fieldset>
        ) : null}
      </section>

      {earlyYears ? null : stimulusSection}

      <section className="cf-section" aria-labelledby={`${ids}-words`}>
        <h2 id={`${ids}-words`}>{t('conferencing.log.words', { name: child.givenName })}</h2>
        <div className={d.prompts.length ? 'cf-words' : undefined}>
          {d.prompts.length ? (
            <aside className="cf-prompts" aria-labelledby={`${ids}-prompts`}>
              <h3 id={`${ids}-prompts`}>{d.stage ? t('conferencing.log.promptsOf', { stage: d.stage }) : t('conferencing.log.prompts')}</h3>
              <ul>
                {d.prompts.map((p, i) => (
                  <li key={i} dir="auto">
                    {prompt(p)}
                  </li>
                ))}
              </ul>
            </aside>
          ) : null}
          <div>
            <FieldShell label={t('conferencing.log.childWords', { name: child.givenName })} hint={t('conferencing.log.childWordsHint')} error={err('childWords')}>
              {(control) => <textarea {...control} dir="auto" data-content rows={5} maxLength={WORDS_MAX} value={childWords} onChange={(e) => setChildWords(e.target.value)} />}
            </FieldShell>
            <div className="cf-audio">
              {audio.upload ? (
                <div className="piece">
                  <p className="piece-title">{t('conferencing.log.recording')}</p>
                  <UploadedAudio upload={audio.upload} label={t('conferencing.record.audioLabel', { name: child.givenName })} />
                  <button type="button" className="button button-link" onClick={() => audio.clear()}>
                    {t('conferencing.log.removeRecording')}
                  </button>
                </div>
              ) : keepAudio && initial?.childWordsAudio ? (
                <div className="piece">
                  <p className="piece-title">{t('conferencing.log.recording')}</p>
                  <MediaDisplay media={initial.childWordsAudio} label={t('conferencing.record.audioLabel', { name: child.givenName })} />
                  <button type="button" className="button button-link" onClick={() => setKeepAudio(false)}>
                    {t('conferencing.log.removeRecording')}
                  </button>
                </div>
              ) : recording ? (
                <VoiceRecorder
                  keepLabel={t('conferencing.log.keepRecording')}
                  onKeep={(file) => {
                    audio.start(file);
                    setRecording(false);
                  }}
                />
              ) : (
                <button type="button" className="button" onClick={() => setRecording(true)}>
                  <span aria-hidden="true">🎤</span> {t('conferencing.log.record', { name: child.givenName })}
                </button>
              )}
              {err('childWordsAudioId') ? <p className="field-error">{err('childWordsAudioId')}</p> : null}
            </div>
          </div>
        </div>
      </section>

      <section className="cf-section" aria-labelledby={`${ids}-notes`}>
        <h2 id={`${ids}-notes`}>{t('conferencing.log.notes')}</h2>
        <div className="cf-pink">
          <FieldShell label={t('conferencing.log.strengths')} hint={t('conferencing.log.strengthsHint', { name: child.givenName })} error={err('strengths')}>
            {(control) => <textarea {...control} dir="auto" data-content rows={3} maxLength={NOTE_MAX} value={strengths} onChange={(e) => setStrengths(e.target.value)} />}
          </FieldShell>
        </div>
        <FieldShell label={t('conferencing.log.barriers')} hint={t('conferencing.log.barriersHint')} error={err('barriers')}>
          {(control) => <textarea {...control} dir="auto" data-content rows={3} maxLength={NOTE_MAX} value={barriers} onChange={(e) => setBarriers(e.target.value)} />}
        </FieldShell>
      </section>

      <section className="cf-section cf-green" aria-labelledby={`${ids}-steps`}>
        <h2 id={`${ids}-steps`}>{t('conferencing.log.steps')}</h2>
        <p className="hint">{t('conferencing.log.stepsHint')}</p>
        {steps.length ? (
          <ol className="cf-step-rows">
            {steps.map((s, i) => {
              const at = sentIndex.get(s.key);
              const fe = (f: string) => (at === undefined ? undefined : err(`steps.${at}.${f}`));
              return (
                <li key={s.key} className="cf-step-row">
                  <FieldShell label={t('conferencing.log.stepText', { n: i + 1 })} error={fe('text')}>
                    {(control) => <input {...control} dir="auto" data-content maxLength={STEP_MAX} value={s.text} onChange={(e) => setSteps((all) => all.map((x) => (x.key === s.key ? { ...x, text: e.target.value } : x)))} />}
                  </FieldShell>
                  <div className="cf-step-meta">
                    <FieldShell label={t('conferencing.log.stepOwner')} error={fe('owner')}>
                      {(control) => (
                        <select {...control} value={s.owner} onChange={(e) => setSteps((all) => all.map((x) => (x.key === s.key ? { ...x, owner: e.target.value as StepOwner } : x)))}>
                          {stepOwners.map((o) => (
                            <option key={o} value={o}>
                              {t(`conferencing.owner.${o}`)}
                            </option>
                          ))}
                        </select>
                      )}
                    </FieldShell>
                    <FieldShell label={t('conferencing.log.stepDue')} error={fe('dueOn')}>
                      {(control) => <input {...control} type="date" min={heldOn || undefined} value={s.dueOn} onChange={(e) => setSteps((all) => all.map((x) => (x.key === s.key ? { ...x, dueOn: e.target.value } : x)))} />}
                    </FieldShell>
                  </div>
                  <button type="button" className="button button-link" onClick={() => setSteps((all) => all.filter((x) => x.key !== s.key))}>
                    {t('conferencing.log.removeStep', { n: i + 1 })}
                  </button>
                </li>
              );
            })}
          </ol>
        ) : null}
        {steps.length < STEPS_MAX ? (
          <button type="button" className="button" onClick={() => setSteps((all) => [...all, { key: nextKey++, text: '', owner: 'child', dueOn: '' }])}>
            <span aria-hidden="true">＋</span> {t('conferencing.log.addStep')}
          </button>
        ) : null}
        {err('steps') ? <p className="field-error">{err('steps')}</p> : null}
        <div className="field-pair">
          <FieldShell label={t('conferencing.log.followUp')} hint={t('conferencing.log.followUpHint')} error={err('followUpOn')}>
            {(control) => <input {...control} type="date" min={heldOn || undefined} value={followUpOn} onChange={(e) => setFollowUpOn(e.target.value)} />}
          </FieldShell>
        </div>
      </section>

      {form.posts.length || form.goals.length ? (
        <section className="cf-section" aria-labelledby={`${ids}-links`}>
          <h2 id={`${ids}-links`}>{t('conferencing.log.links')}</h2>
          {form.posts.length ? (
            <Choices legend={t('conferencing.log.posts', { name: child.givenName })} error={fieldErrorUnder(t, error, 'postIds')}>
              <ul className="goal-pick-list cf-pick-list">
                {form.posts.map((p) => (
                  <li key={p.id}>
                    <label className="goal-pick">
                      <input type="checkbox" checked={postIds.includes(p.id)} onChange={(e) => setPostIds((all) => (e.target.checked ? [...all, p.id] : all.filter((x) => x !== p.id)))} />
                      {p.thumbnail ? <MediaDisplay media={p.thumbnail} label="" /> : <span className="goal-evidence-text" aria-hidden="true">📝</span>}
                      <span className="goal-pick-caption" dir="auto" data-content>
                        {p.caption || p.text || t('conferencing.log.untitled')}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </Choices>
          ) : null}
          {form.goals.length ? (
            <Choices legend={t('conferencing.log.goals', { name: child.givenName })} error={fieldErrorUnder(t, error, 'goalIds')}>
              {form.goals.map((g) => (
                <label key={g.id} className="choice">
                  <input type="checkbox" checked={goalIds.includes(g.id)} onChange={(e) => setGoalIds((all) => (e.target.checked ? [...all, g.id] : all.filter((x) => x !== g.id)))} />
                  <span dir="auto" data-content>
                    {g.what}
                  </span>
                </label>
              ))}
            </Choices>
          ) : null}
        </section>
      ) : null}

      <div ref={summaryRef} tabIndex={-1} className="cf-summary">
        <ErrorNotice error={error} />
      </div>
      {uploading ? (
        <p className="hint" role="status">
          {t('conferencing.log.stillUploading')}
        </p>
      ) : null}
      <button type="submit" className="button button-primary button-submit" aria-disabled={busy || uploading || undefined}>
        {submitLabel}
      </button>
    </form>
  );
}

function Choices({ legend, error, children }: { legend: string; error?: string | undefined; children: ReactNode }) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {children}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

function AddPupil({ pupils, onAdd }: { pupils: ConferenceForm['pupils']; onAdd(userId: string): void }) {
  const t = useT();
  const id = useId();
  const [chosen, setChosen] = useState('');
  return (
    <div className="cf-add-pupil">
      <label htmlFor={id}>{t('conferencing.log.addPupil')}</label>
      <div className="cf-inline">
        <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('conferencing.log.choosePupil')}</option>
          {pupils.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.givenName} {p.familyName} ({p.yearGroup})
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          aria-disabled={!chosen || undefined}
          onClick={() => {
            if (!chosen) return;
            onAdd(chosen);
            setChosen('');
          }}
        >
          {t('conferencing.log.add')}
        </button>
      </div>
    </div>
  );
}

/** A file input shown as a big button (the camera on a phone, or a picture already on the device). */
function PhotoPick({ icon, label, capture = false, onFile }: { icon: string; label: string; capture?: boolean; onFile(file: File): void }) {
  const id = useId();
  return (
    <span className="add-button-wrap">
      <input
        id={id}
        className="visually-hidden file-input"
        type="file"
        accept="image/*"
        capture={capture ? 'environment' : undefined}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <label htmlFor={id} className="add-button">
        <span aria-hidden="true">{icon}</span> {label}
      </label>
    </span>
  );
}

function UploadState({ upload }: { upload: Upload }) {
  const t = useT();
  if (upload.error) {
    return (
      <p className="notice notice-error" role="alert">
        {errorMessage(t, upload.error)}
      </p>
    );
  }
  if (upload.media) return <p className="piece-ok">✓ {t('conferencing.log.added')}</p>;
  return (
    <div className="progress" role="progressbar" aria-label={t('conferencing.log.sending')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(upload.progress * 100)}>
      <div className="progress-bar" style={{ inlineSize: `${Math.round(upload.progress * 100)}%` }} />
    </div>
  );
}

function UploadedPhoto({ upload, label }: { upload: Upload; label: string }) {
  return (
    <div className="cf-uploaded">
      {/* The photo as taken (shown at once); the server's sizes are for the record. */}
      {upload.previewUrl ? <img className="piece-preview" src={upload.previewUrl} alt={label} /> : upload.media?.status === 'ready' ? <MediaDisplay media={upload.media} label={label} large /> : null}
      <UploadState upload={upload} />
    </div>
  );
}

function UploadedAudio({ upload, label }: { upload: Upload; label: string }) {
  return (
    <div className="cf-uploaded">
      {upload.previewUrl ? <audio controls src={upload.previewUrl} aria-label={label} /> : null}
      <UploadState upload={upload} />
    </div>
  );
}
