/**
 * The school's conferencing stages: a template to start from (UK primary, US elementary), or the
 * school's own — each stage's name, its years, the conference type a teacher starts from, the types
 * it uses, its prompts (ours, or the school's own words) and whether its children may ask for a
 * conference. The server checks the stages as a whole (an overlap names `stages.1.minGrade`): its
 * message is shown next to that field, and nothing typed is lost.
 */
import { useId, useState } from 'react';
import type { ConferencingSettings, StageView } from '../../../contracts/conferencing';
import { conferenceTypes, PROMPT_MAX, PROMPTS_MAX, promptKeys, STAGE_NAME_MAX, STAGES_MAX, templates, type ConferenceType, type PromptKey, type TemplateName } from '../../../domain/conferencing/stages';
import { ConfirmAction, fieldErrorUnder, Saved } from '../../components/forms';
import { ErrorNotice, FieldShell, Name, fieldError } from '../../components/ui';
import { api } from '../../lib/api';
import { useI18n, useT, type T } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { gradeLabel, ownWords, promptText, type GradeStyle } from './text';

const GRADES = Array.from({ length: 15 }, (_, i) => i - 1);
type Prompt = StageView['prompts'][number];
interface StageDraft extends StageView {
  key: number;
}
let nextKey = 1;
const keyOf = (p: Prompt): PromptKey | null => ('key' in p ? p.key : null);
const textOf = (p: Prompt): Record<string, string> | null => ('text' in p ? p.text : null);
const draftsOf = (stages: StageView[]): StageDraft[] => stages.map((s) => ({ ...s, types: [...s.types], prompts: s.prompts.map((p) => ({ ...p })), key: nextKey++ }));

/** One stage, read only (what teachers see). */
export function StageSummary({ stage, style }: { stage: StageView; style: GradeStyle }) {
  const { t, locale } = useI18n();
  return (
    <article className="card cf-stage-card" aria-labelledby={`stage-${stage.name}`}>
      <h3 id={`stage-${stage.name}`}>
        <Name>{stage.name}</Name>
      </h3>
      <dl className="cf-facts">
        <div>
          <dt>{t('conferencing.settings.years')}</dt>
          <dd>{stage.minGrade === stage.maxGrade ? gradeLabel(t, stage.minGrade, style) : t('conferencing.settings.yearsRange', { from: gradeLabel(t, stage.minGrade, style), to: gradeLabel(t, stage.maxGrade, style) })}</dd>
        </div>
        <div>
          <dt>{t('conferencing.settings.defaultType')}</dt>
          <dd>{t(`conferencing.type.${stage.defaultType}`)}</dd>
        </div>
        <div>
          <dt>{t('conferencing.settings.types')}</dt>
          <dd>{stage.types.map((x) => t(`conferencing.type.${x}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('conferencing.settings.requests')}</dt>
          <dd>{stage.requests ? t('conferencing.settings.requestsYes') : t('conferencing.settings.requestsNo')}</dd>
        </div>
      </dl>
      {stage.prompts.length ? (
        <>
          <p className="cf-subtitle">{t('conferencing.settings.prompts')}</p>
          <ul className="plain-list">
            {stage.prompts.map((p, i) => (
              <li key={i} dir="auto">
                {promptText(t, locale, p)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

function templateSummary(t: T, name: TemplateName): string {
  return templates[name].map((s) => s.name).join(', ') + ` — ${t(`conferencing.settings.template.${name}Hint`)}`;
}

/** The template chooser: applying one replaces the stages (asked first when the school has its own). */
export function TemplateChooser({ schoolId, settings, onApplied }: { schoolId: string; settings: ConferencingSettings; onApplied(): void }) {
  const t = useT();
  const [chosen, setChosen] = useState<TemplateName>(settings.source === 'us_elementary' ? 'us_elementary' : 'uk_primary');
  const { busy, error, run } = useAction();
  const name = useId();
  const apply = () =>
    run(async () => {
      await api('PUT', `/api/schools/${schoolId}/conferencing`, { template: chosen, familiesRead: settings.familiesRead });
      onApplied();
    });
  return (
    <div className="cf-templates">
      <fieldset className="choices">
        <legend>{t('conferencing.settings.templateLegend')}</legend>
        {(['uk_primary', 'us_elementary'] as const).map((x) => (
          <label key={x} className="cf-template">
            <input type="radio" name={name} checked={chosen === x} onChange={() => setChosen(x)} />
            <span>
              <span className="cf-template-name">
                {t(`conferencing.settings.template.${x}`)}
                {settings.source === x ? <span className="badge badge-ok">{t('conferencing.settings.inUse')}</span> : null}
              </span>
              <span className="card-meta">{templateSummary(t, x)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {settings.source === chosen ? null : settings.source === 'own' ? (
        <ConfirmAction danger={false} label={t('conferencing.settings.useTemplate')} question={t('conferencing.settings.useTemplateQuestion')} confirmLabel={t('conferencing.settings.useTemplateYes')} busy={busy} onConfirm={apply} />
      ) : (
        <button type="button" className="button button-primary" aria-disabled={busy || undefined} onClick={() => !busy && void apply()}>
          {t('conferencing.settings.useTemplate')}
        </button>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}

/** The school's own stages, edited in place and saved together. */
export function StagesEditor({ schoolId, settings, style, onSaved }: { schoolId: string; settings: ConferencingSettings; style: GradeStyle; onSaved(): void }) {
  const t = useT();
  const [stages, setStages] = useState<StageDraft[]>(() => draftsOf(settings.stages));
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const change = (key: number, patch: Partial<StageView>) => {
    setSaved(null);
    setStages((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  };
  return (
    <form
      className="cf-stages"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        void run(async () => {
          await api('PUT', `/api/schools/${schoolId}/conferencing`, { stages: stages.map(({ key: _k, ...s }) => s), familiesRead: settings.familiesRead });
          setSaved(t('conferencing.settings.saved'));
          onSaved();
        });
      }}
    >
      <ol className="cf-stage-list">
        {stages.map((s, i) => (
          <li key={s.key}>
            <StageFields
              stage={s}
              style={style}
              index={i}
              error={error}
              onChange={(patch) => change(s.key, patch)}
              onRemove={
                stages.length > 1
                  ? () => {
                      setSaved(null);
                      setStages((all) => all.filter((x) => x.key !== s.key));
                    }
                  : undefined
              }
            />
          </li>
        ))}
      </ol>
      {fieldError(t, error, 'stages') ? <p className="field-error">{fieldError(t, error, 'stages')}</p> : null}
      {stages.length < STAGES_MAX ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            const top = Math.max(...stages.map((s) => s.maxGrade), -1);
            const from = Math.min(top + 1, 13);
            setStages((all) => [...all, { key: nextKey++, name: '', minGrade: from, maxGrade: from, defaultType: 'one_to_one', types: ['one_to_one'], prompts: [], requests: true }]);
          }}
        >
          <span aria-hidden="true">＋</span> {t('conferencing.settings.addStage')}
        </button>
      ) : null}
      <ErrorNotice error={error} />
      <Saved message={saved} />
      <button type="submit" className="button button-primary button-submit" aria-disabled={busy || undefined}>
        {t('conferencing.settings.save')}
      </button>
    </form>
  );
}

function StageFields({ stage, style, index, error, onChange, onRemove }: { stage: StageView; style: GradeStyle; index: number; error: unknown; onChange(patch: Partial<StageView>): void; onRemove?: (() => void) | undefined }) {
  const t = useT();
  const { locale } = useI18n();
  const ids = useId();
  const at = `stages.${index}`;
  const err = (f: string) => fieldError(t, error, `${at}.${f}`);
  const title = stage.name.trim() || t('conferencing.settings.stageN', { n: index + 1 });
  const lang = locale === 'pseudo' ? 'en' : locale;
  const setPrompt = (j: number, p: Prompt) => onChange({ prompts: stage.prompts.map((x, k) => (k === j ? p : x)) });
  return (
    <fieldset className="cf-stage" aria-labelledby={`${ids}-title`}>
      <legend className="visually-hidden">{title}</legend>
      <h3 id={`${ids}-title`} className="cf-stage-title">
        <span dir="auto" data-content>
          {title}
        </span>
      </h3>
      <FieldShell label={t('conferencing.settings.name')} hint={t('conferencing.settings.nameHint')} error={err('name')}>
        {(control) => <input {...control} dir="auto" data-content maxLength={STAGE_NAME_MAX} value={stage.name} onChange={(e) => onChange({ name: e.target.value })} />}
      </FieldShell>
      <div className="field-pair">
        <FieldShell label={t('conferencing.settings.minGrade')} error={err('minGrade')}>
          {(control) => (
            <select {...control} value={stage.minGrade} onChange={(e) => onChange({ minGrade: Number(e.target.value) })}>
              {GRADES.map((g) => (
                <option key={g} value={g}>
                  {gradeLabel(t, g, style)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <FieldShell label={t('conferencing.settings.maxGrade')} error={err('maxGrade')}>
          {(control) => (
            <select {...control} value={stage.maxGrade} onChange={(e) => onChange({ maxGrade: Number(e.target.value) })}>
              {GRADES.map((g) => (
                <option key={g} value={g}>
                  {gradeLabel(t, g, style)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
      </div>
      <fieldset className="choices" aria-describedby={err('types') ? `${ids}-types-error` : undefined}>
        <legend>{t('conferencing.settings.types')}</legend>
        <div className="cf-chips">
          {conferenceTypes.map((x) => (
            <label key={x} className="chip">
              <input type="checkbox" checked={stage.types.includes(x)} onChange={(e) => onChange({ types: e.target.checked ? conferenceTypes.filter((y) => y === x || stage.types.includes(y)) : stage.types.filter((y) => y !== x) })} />
              {t(`conferencing.type.${x}`)}
            </label>
          ))}
        </div>
        {err('types') ? (
          <p className="field-error" id={`${ids}-types-error`}>
            {err('types')}
          </p>
        ) : null}
      </fieldset>
      <FieldShell label={t('conferencing.settings.defaultType')} hint={t('conferencing.settings.defaultTypeHint')} error={err('defaultType')}>
        {(control) => (
          <select {...control} value={stage.defaultType} onChange={(e) => onChange({ defaultType: e.target.value as ConferenceType })}>
            {conferenceTypes.map((x) => (
              <option key={x} value={x}>
                {t(`conferencing.type.${x}`)}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <fieldset className="choices cf-prompt-edit">
        <legend>{t('conferencing.settings.prompts')}</legend>
        <p className="hint">{t('conferencing.settings.promptsHint')}</p>
        {stage.prompts.length ? (
          <ol className="cf-prompt-rows">
            {stage.prompts.map((p, j) => {
              const key = keyOf(p);
              const text = textOf(p);
              const own = !key;
              const perr = fieldErrorUnder(t, error, `${at}.prompts.${j}`);
              return (
                <li key={j} className="cf-prompt-row">
                  <FieldShell label={t('conferencing.settings.promptN', { n: j + 1 })} error={own ? undefined : perr}>
                    {(control) => (
                      <select {...control} value={key ?? ''} onChange={(e) => setPrompt(j, e.target.value ? { key: e.target.value as PromptKey } : { text: { [lang]: key ? t(`conferencing.prompt.${key}`) : '' } })}>
                        {promptKeys.map((k) => (
                          <option key={k} value={k}>
                            {t(`conferencing.prompt.${k}`)}
                          </option>
                        ))}
                        <option value="">{t('conferencing.settings.ownWords')}</option>
                      </select>
                    )}
                  </FieldShell>
                  {own ? (
                    <FieldShell label={t('conferencing.settings.ownWordsLabel', { n: j + 1 })} hint={t('conferencing.settings.ownWordsHint')} error={perr}>
                      {(control) => (
                        <textarea
                          {...control}
                          dir="auto"
                          data-content
                          rows={2}
                          maxLength={PROMPT_MAX}
                          value={text ? (text[lang] ?? ownWords(text, lang)) : ''}
                          onChange={(e) => setPrompt(j, { text: { ...(text ?? {}), [lang]: e.target.value } })}
                        />
                      )}
                    </FieldShell>
                  ) : null}
                  <button type="button" className="button button-link" onClick={() => onChange({ prompts: stage.prompts.filter((_, k) => k !== j) })}>
                    {t('conferencing.settings.removePrompt', { n: j + 1 })}
                  </button>
                </li>
              );
            })}
          </ol>
        ) : null}
        {stage.prompts.length < PROMPTS_MAX ? (
          <button type="button" className="button" onClick={() => onChange({ prompts: [...stage.prompts, { key: promptKeys[0] }] })}>
            <span aria-hidden="true">＋</span> {t('conferencing.settings.addPrompt')}
          </button>
        ) : null}
      </fieldset>
      <label className="choice cf-requests">
        <input type="checkbox" checked={stage.requests} onChange={(e) => onChange({ requests: e.target.checked })} />
        <span>{t('conferencing.settings.requestsLabel')}</span>
      </label>
      {onRemove ? (
        <button type="button" className="button button-danger" onClick={onRemove}>
          {t('conferencing.settings.removeStage', { name: title })}
        </button>
      ) : null}
    </fieldset>
  );
}
