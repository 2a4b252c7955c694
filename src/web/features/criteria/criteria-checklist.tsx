/**
 * A checklist of success criteria for young children: big targets, each criterion's picture and
 * words, and a speaker button to hear it. Reusable for any marks:
 *
 *   <CriteriaChecklist
 *     legend="Which of these does your work show?"
 *     criteria={items}           // Array<ChecklistItem>: { id, wording, picture, imageUrl?, audioUrl?, group? }
 *                                //   picture: a key of the criteria picture set (or null); imageUrl: the
 *                                //   teacher's own picture instead; audioUrl: their recording (else the
 *                                //   browser reads the words aloud in `lang`); group: the list's title —
 *                                //   consecutive items of one group get a heading.
 *     value={marks}              // Record<criterionId, Mark>: the criteria marked so far (absent = none)
 *     onChange={setMarks}        // gets the whole new record
 *     marks={['shown']}          // the marks in use, in the order a press moves through them:
 *                                //   ['shown']                  → a tick box per criterion (tagging work)
 *                                //   ['strength', 'next_step']  → a press cycles none → strength ("think
 *                                //   pink") → next step ("green for growth") → none; the mark is written
 *                                //   out in words beside the colour, never colour alone
 *     lang="en"                  // the language the criteria are written in (the school's)
 *   />
 */
import { useId } from 'react';
import type { StudentCriteria } from '../../../contracts/criteria';
import { nextMark, type CriterionMark } from '../../../domain/criteria/marks';
import { useT } from '../../lib/i18n';
import { audioUrlOf, CriterionPicture, imageUrlOf, SpeakButton } from './speak';

export interface ChecklistItem {
  id: string;
  wording: string;
  picture: string | null;
  imageUrl?: string | undefined;
  audioUrl?: string | undefined;
  /** The list it comes from (shown as a heading over its criteria). */
  group?: string | undefined;
}

export interface CriteriaChecklistProps<M extends CriterionMark> {
  legend: string;
  hint?: string;
  criteria: ChecklistItem[];
  value: Partial<Record<string, M>>;
  onChange(next: Partial<Record<string, M>>): void;
  marks: readonly M[];
  lang: string;
}

/** A child's lists (GET /api/students/:id/criteria) as checklist items, list by list. */
export function checklistItems(lists: StudentCriteria['lists']): ChecklistItem[] {
  return lists.flatMap((l) => l.criteria.filter((c) => !c.archived).map((c) => ({ id: c.id, wording: c.wording, picture: c.picture, imageUrl: imageUrlOf(c.image), audioUrl: audioUrlOf(c.audio), group: l.title })));
}

export function CriteriaChecklist<M extends CriterionMark>({ legend, hint, criteria, value, onChange, marks, lang }: CriteriaChecklistProps<M>) {
  const t = useT();
  const id = useId();
  const set = (criterionId: string, mark: M | null) => {
    const next = { ...value };
    if (mark) next[criterionId] = mark;
    else delete next[criterionId];
    onChange(next);
  };
  const groups: Array<{ title: string | undefined; items: ChecklistItem[] }> = [];
  for (const c of criteria) {
    const last = groups[groups.length - 1];
    if (last && last.title === c.group) last.items.push(c);
    else groups.push({ title: c.group, items: [c] });
  }
  return (
    <fieldset className="choices criteria-checklist" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="criteria-checklist-legend">{legend}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {groups.map((g, gi) => (
        <div key={`${gi}-${g.title ?? ''}`} className="criteria-checklist-group">
          {g.title ? (
            <p className="criteria-checklist-title" dir="auto" data-content>
              {g.title}
            </p>
          ) : null}
          <ul className="criteria-checklist-items">
            {g.items.map((c) => {
              const mark = value[c.id] ?? null;
              return (
                <li key={c.id} className={`criteria-check${mark ? ` criteria-check-on criteria-mark-${mark}` : ''}`}>
                  {marks.length === 1 ? (
                    <label className="criteria-check-target">
                      <input type="checkbox" className="criteria-check-box" checked={mark !== null} onChange={(e) => set(c.id, e.target.checked ? (marks[0] as M) : null)} />
                      <CriterionPicture picture={c.picture} imageUrl={c.imageUrl} size="lg" />
                      <span className="criteria-wording" id={`${id}-${c.id}`} dir="auto" data-content>
                        {c.wording}
                      </span>
                    </label>
                  ) : (
                    <button type="button" className="criteria-check-target criteria-cycle" onClick={() => set(c.id, nextMark(mark, marks))}>
                      <CriterionPicture picture={c.picture} imageUrl={c.imageUrl} size="lg" />
                      <span className="criteria-wording" id={`${id}-${c.id}`} dir="auto" data-content>
                        {c.wording}
                      </span>
                      <span className="criteria-mark-label">
                        {t(`criteria.marks.${mark ?? 'none'}`)}
                      </span>
                    </button>
                  )}
                  <SpeakButton wording={c.wording} wordingId={`${id}-${c.id}`} audioUrl={c.audioUrl} lang={lang} />
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </fieldset>
  );
}
