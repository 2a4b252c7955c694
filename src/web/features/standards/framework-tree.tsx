/**
 * A framework's tree as nested lists: an item with items under it is a disclosure button (its
 * coding and statement, and whether it is open), so the tree works with a keyboard, a screen
 * reader and a thumb alike; only open branches are in the page, so a framework of thousands of
 * statements stays light. `tools` adds controls after an item (editing the school's own).
 */
import { useMemo, type ReactNode } from 'react';
import type { StandardItemView } from '../../../contracts/standards';
import { useT } from '../../lib/i18n';
import { CodedStatement } from './parts';

export type Children = Map<string | null, StandardItemView[]>;

/** Parent (null: the top) → its items, in tree order. */
export function useChildren(items: readonly StandardItemView[]): Children {
  return useMemo(() => {
    const map: Children = new Map();
    for (const item of items) {
      const list = map.get(item.parentIdentifier) ?? [];
      list.push(item);
      map.set(item.parentIdentifier, list);
    }
    return map;
  }, [items]);
}

/** The identifiers above `identifier`, nearest first (to open the way to it). */
export function ancestorsOf(identifier: string, items: readonly StandardItemView[]): string[] {
  const parent = new Map(items.map((i) => [i.identifier, i.parentIdentifier]));
  const out: string[] = [];
  for (let p = parent.get(identifier) ?? null; p && !out.includes(p); p = parent.get(p) ?? null) out.push(p);
  return out;
}

export const nodeId = (identifier: string) => `s-${identifier}`;

export function FrameworkTree({
  tree,
  expanded,
  onToggle,
  highlight,
  tools,
  labelledBy,
}: {
  tree: Children;
  expanded: ReadonlySet<string>;
  onToggle(identifier: string): void;
  highlight?: string | null;
  tools?: (item: StandardItemView) => ReactNode;
  labelledBy: string;
}) {
  return (
    <ul className="standards-tree" aria-labelledby={labelledBy}>
      <Branch parent={null} tree={tree} expanded={expanded} onToggle={onToggle} highlight={highlight ?? null} tools={tools} />
    </ul>
  );
}

function Branch({
  parent,
  tree,
  expanded,
  onToggle,
  highlight,
  tools,
}: {
  parent: string | null;
  tree: Children;
  expanded: ReadonlySet<string>;
  onToggle(identifier: string): void;
  highlight: string | null;
  tools: ((item: StandardItemView) => ReactNode) | undefined;
}) {
  const t = useT();
  return (
    <>
      {(tree.get(parent) ?? []).map((item) => {
        const under = tree.get(item.identifier) ?? [];
        const open = expanded.has(item.identifier);
        const listId = `${nodeId(item.identifier)}-items`;
        const text = <CodedStatement className="standards-node-text" code={item.humanCodingScheme} text={item.fullStatement} />;
        return (
          <li key={item.identifier} className={`standards-item${item.identifier === highlight ? ' standards-item-found' : ''}`}>
            <div className="standards-node" id={nodeId(item.identifier)} tabIndex={-1}>
              {under.length > 0 ? (
                <button type="button" className="standards-toggle" aria-expanded={open} aria-controls={open ? listId : undefined} onClick={() => onToggle(item.identifier)}>
                  <span className="standards-caret" aria-hidden="true">
                    ▸
                  </span>
                  {text}
                  <span className="standards-under">{t('standards.tree.under', { count: under.length })}</span>
                </button>
              ) : (
                <div className="standards-leaf">{text}</div>
              )}
              {item.itemType || item.educationLevel.length ? (
                <span className="standards-meta">
                  {item.itemType ? (
                    <span className="badge" translate="no">
                      {item.itemType}
                    </span>
                  ) : null}
                  {item.educationLevel.length ? (
                    <span className="hint-inline">
                      {t('standards.tree.levels')}{' '}
                      <span translate="no" dir="auto">
                        {item.educationLevel.join(', ')}
                      </span>
                    </span>
                  ) : null}
                </span>
              ) : null}
              {tools?.(item)}
            </div>
            {under.length > 0 && open ? (
              <ul className="standards-tree" id={listId}>
                <Branch parent={item.identifier} tree={tree} expanded={expanded} onToggle={onToggle} highlight={highlight} tools={tools} />
              </ul>
            ) : null}
          </li>
        );
      })}
    </>
  );
}
