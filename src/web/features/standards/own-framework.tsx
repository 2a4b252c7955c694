/**
 * Writing the school's own framework: starting one, its details, adding a statement (at the top or
 * under another), and each statement's tools — edit its words, move it up, down or under another,
 * add one under it, remove it (with those under it; links to them are kept).
 */
import { useId, useState, type FormEvent, type RefObject } from 'react';
import { OWN_CODE_MAX, OWN_STATEMENT_MAX, OWN_TITLE_MAX, type FrameworkView, type StandardItemView } from '../../../contracts/standards';
import { ConfirmAction, SelectField } from '../../components/forms';
import { ErrorNotice, Field, FieldShell, fieldError } from '../../components/ui';
import { api } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useAction } from '../../lib/use-api';
import { shorten } from './parts';

/** "Y1.W.1 Leave spaces…" for a list of where an item can go, indented by depth. */
const optionLabel = (i: StandardItemView) => `${'\u00a0\u00a0'.repeat(i.depth)}${i.humanCodingScheme ? `${i.humanCodingScheme} ` : ''}${shorten(i.fullStatement, 50)}`;
/** What names an item in a question or a button: its coding, else the start of its statement. */
export const itemName = (i: Pick<StandardItemView, 'humanCodingScheme' | 'fullStatement'>) => i.humanCodingScheme ?? shorten(i.fullStatement, 40);

export function NewFrameworkForm({ schoolId, onCreated }: { schoolId: string; onCreated(identifier: string): void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [title, setTitle] = useState('');
  const [creator, setCreator] = useState('');
  const [subject, setSubject] = useState('');
  return (
    <section className="card" aria-labelledby="standards-new-heading">
      <h2 id="standards-new-heading">{t('standards.own.newTitle')}</h2>
      <p>{t('standards.own.newHint')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          void run(async () => {
            const r = await api<{ identifier: string }>('POST', `/api/schools/${schoolId}/standards/frameworks`, { title, creator: creator || null, subject: subject || null });
            onCreated(r.identifier);
          });
        }}
      >
        <Field label={t('standards.own.title')} value={title} required maxLength={OWN_TITLE_MAX} onChange={(e) => setTitle(e.target.value)} error={fieldError(t, error, 'title')} />
        <Field label={t('standards.own.creator')} hint={t('standards.own.creatorHint')} value={creator} maxLength={OWN_TITLE_MAX} onChange={(e) => setCreator(e.target.value)} />
        <Field label={t('standards.own.subject')} value={subject} maxLength={100} onChange={(e) => setSubject(e.target.value)} />
        <ErrorNotice error={error && !fieldError(t, error, 'title') ? error : null} />
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('standards.own.create')}
        </button>
      </form>
    </section>
  );
}

export function FrameworkDetailsForm({ schoolId, framework, onSaved }: { schoolId: string; framework: FrameworkView; onSaved(message: string): void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [title, setTitle] = useState(framework.title);
  const [creator, setCreator] = useState(framework.creator ?? '');
  const [subject, setSubject] = useState(framework.subject[0] ?? '');
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        void run(async () => {
          await api('PATCH', `/api/schools/${schoolId}/standards/frameworks/${framework.identifier}`, { title, creator: creator || null, subject: subject || null });
          onSaved(t('standards.own.detailsSaved'));
        });
      }}
    >
      <Field label={t('standards.own.title')} value={title} required maxLength={OWN_TITLE_MAX} onChange={(e) => setTitle(e.target.value)} error={fieldError(t, error, 'title')} />
      <Field label={t('standards.own.creator')} hint={t('standards.own.creatorHint')} value={creator} maxLength={OWN_TITLE_MAX} onChange={(e) => setCreator(e.target.value)} />
      <Field label={t('standards.own.subject')} value={subject} maxLength={100} onChange={(e) => setSubject(e.target.value)} />
      <ErrorNotice error={error && !fieldError(t, error, 'title') ? error : null} />
      <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
        {t('standards.edit.save')}
      </button>
    </form>
  );
}

/** Statement and coding fields, shared by adding and editing. */
function StatementFields({ statement, code, onStatement, onCode, error, statementRef }: { statement: string; code: string; onStatement(v: string): void; onCode(v: string): void; error: unknown; statementRef?: RefObject<HTMLTextAreaElement | null> }) {
  const t = useT();
  return (
    <>
      <FieldShell label={t('standards.edit.statement')} error={fieldError(t, error, 'fullStatement')}>
        {(control) => <textarea {...control} ref={statementRef} className="standards-textarea" data-content dir="auto" value={statement} required maxLength={OWN_STATEMENT_MAX} rows={2} onChange={(e) => onStatement(e.target.value)} />}
      </FieldShell>
      <Field label={t('standards.edit.code')} hint={t('standards.edit.codeHint')} value={code} maxLength={OWN_CODE_MAX} onChange={(e) => onCode(e.target.value)} error={fieldError(t, error, 'humanCodingScheme')} translate="no" dir="ltr" />
    </>
  );
}

export function AddItemForm({
  schoolId,
  framework,
  parent,
  onParent,
  onAdded,
  statementRef,
}: {
  schoolId: string;
  framework: FrameworkView;
  parent: string;
  onParent(identifier: string): void;
  onAdded(message: string, identifier: string): void;
  statementRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [statement, setStatement] = useState('');
  const [code, setCode] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    void run(async () => {
      const r = await api<{ identifier: string }>('POST', `/api/schools/${schoolId}/standards/frameworks/${framework.identifier}/items`, { fullStatement: statement, humanCodingScheme: code || null, parentIdentifier: parent || null });
      onAdded(t('standards.edit.added', { name: code || shorten(statement, 40) }), r.identifier);
      setStatement('');
      setCode('');
      statementRef.current?.focus();
    });
  }
  return (
    <section className="card" aria-labelledby="standards-add-heading">
      <h2 id="standards-add-heading">{t('standards.edit.addTitle')}</h2>
      <form onSubmit={submit}>
        <SelectField label={t('standards.edit.parent')} value={parent} onChange={(e) => onParent(e.target.value)} error={fieldError(t, error, 'parentIdentifier')}>
          <option value="">{t('standards.edit.topLevel')}</option>
          {framework.items.map((i) => (
            <option key={i.identifier} value={i.identifier} translate="no">
              {optionLabel(i)}
            </option>
          ))}
        </SelectField>
        <StatementFields statement={statement} code={code} onStatement={setStatement} onCode={setCode} error={error} statementRef={statementRef} />
        <ErrorNotice error={error && !fieldError(t, error, 'fullStatement') && !fieldError(t, error, 'parentIdentifier') ? error : null} />
        <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
          {t('standards.edit.addButton')}
        </button>
      </form>
    </section>
  );
}

/** An item's tools: shown after "Edit" is pressed. */
export function ItemTools({
  schoolId,
  item,
  framework,
  siblings,
  onChanged,
  onAddUnder,
  onClose,
}: {
  schoolId: string;
  item: StandardItemView;
  framework: FrameworkView;
  siblings: StandardItemView[];
  onChanged(message: string): void;
  onAddUnder(identifier: string): void;
  onClose(): void;
}) {
  const t = useT();
  const id = useId();
  const { busy, error, run } = useAction();
  const [statement, setStatement] = useState(item.fullStatement);
  const [code, setCode] = useState(item.humanCodingScheme ?? '');
  const [moveTo, setMoveTo] = useState(item.parentIdentifier ?? '');
  const index = siblings.findIndex((s) => s.identifier === item.identifier);
  const url = `/api/schools/${schoolId}/standards/items/${item.identifier}`;
  const name = itemName(item);
  // Not under itself, nor under anything of its own.
  const below = new Set<string>([item.identifier]);
  for (const i of framework.items) if (i.parentIdentifier && below.has(i.parentIdentifier)) below.add(i.identifier);
  const change = (body: object, message: string) =>
    run(async () => {
      await api('PATCH', url, body);
      onChanged(message);
    });

  return (
    <div className="standards-tools" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="visually-hidden">
        {t('standards.edit.toolsFor', { name })}
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          void change({ fullStatement: statement, humanCodingScheme: code || null }, t('standards.edit.saved', { name: code || shorten(statement, 40) }));
        }}
      >
        <StatementFields statement={statement} code={code} onStatement={setStatement} onCode={setCode} error={error} />
        <div className="row row-tight">
          <button type="submit" className="button button-primary" aria-disabled={busy || undefined}>
            {t('standards.edit.save')}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('standards.edit.done')}
          </button>
        </div>
      </form>
      <div className="row row-tight">
        <button type="button" className="button" aria-disabled={busy || index <= 0 || undefined} onClick={() => index > 0 && !busy && void change({ index: index - 1 }, t('standards.edit.moved', { name }))}>
          {t('standards.edit.moveUp')}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={busy || index >= siblings.length - 1 || undefined}
          onClick={() => index < siblings.length - 1 && !busy && void change({ index: index + 1 }, t('standards.edit.moved', { name }))}
        >
          {t('standards.edit.moveDown')}
        </button>
        <button type="button" className="button" onClick={() => onAddUnder(item.identifier)}>
          {t('standards.edit.addUnder')}
        </button>
      </div>
      <form
        className="inline-form standards-move"
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          void change({ parentIdentifier: moveTo || null }, t('standards.edit.moved', { name }));
        }}
      >
        <SelectField label={t('standards.edit.moveUnder')} value={moveTo} onChange={(e) => setMoveTo(e.target.value)} error={fieldError(t, error, 'parentIdentifier')}>
          <option value="">{t('standards.edit.topLevel')}</option>
          {framework.items
            .filter((i) => !below.has(i.identifier))
            .map((i) => (
              <option key={i.identifier} value={i.identifier} translate="no">
                {optionLabel(i)}
              </option>
            ))}
        </SelectField>
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t('standards.edit.move')}
        </button>
      </form>
      <ErrorNotice error={error && !fieldError(t, error, 'fullStatement') && !fieldError(t, error, 'parentIdentifier') ? error : null} />
      <ConfirmAction
        label={t('standards.edit.remove')}
        question={t('standards.edit.removeQuestion', { name })}
        confirmLabel={t('standards.edit.removeConfirm')}
        busy={busy}
        onConfirm={() =>
          run(async () => {
            await api('DELETE', url);
            onChanged(t('standards.edit.removed', { name }));
          })
        }
      />
    </div>
  );
}
