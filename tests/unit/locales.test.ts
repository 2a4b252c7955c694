/**
 * Every shipped locale has every key of `en` (and no stray ones), with the same placeholders, and
 * every message parses as ICU. Every message key the code uses exists in `en`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { localeTags } from '../../src/contracts/locales';
import { errorCodes } from '../../src/domain/errors';
import { avatarKeys, passwordPictureKeys } from '../../src/domain/pictures';
import { loadMessages } from '../../src/server/i18n';

const en = loadMessages('en');

function placeholders(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      out.add(el.value);
      for (const o of Object.values(el.options)) placeholders(o.value, out);
    }
    if (el.type === TYPE.tag) placeholders(el.children, out);
  }
  return out;
}

describe.each(localeTags.filter((t) => t !== 'en'))('locale %s', (tag) => {
  const messages = loadMessages(tag);

  it('has every key of en and no other', () => {
    expect(Object.keys(en).filter((k) => !(k in messages))).toEqual([]);
    expect(Object.keys(messages).filter((k) => !(k in en))).toEqual([]);
  });

  it('keeps the placeholders of en and parses as ICU', () => {
    const wrong: string[] = [];
    for (const [key, message] of Object.entries(messages)) {
      const ours = [...placeholders(parse(message))].sort();
      const theirs = [...placeholders(parse(en[key] ?? ''))].sort();
      if (ours.join() !== theirs.join()) wrong.push(`${key}: ${ours.join()} ≠ ${theirs.join()}`);
      expect(() => new IntlMessageFormat(message, tag)).not.toThrow();
    }
    expect(wrong).toEqual([]);
  });
});

describe('message keys used by the code', () => {
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) sources.push(readFileSync(p, 'utf8'));
    }
  };
  walk(path.resolve('src'));

  it('finds every literal t("…") key in en', () => {
    const keys = new Set<string>();
    for (const src of sources) for (const m of src.matchAll(/\bt\(\s*(?:locale,\s*)?'([a-zA-Z0-9_.]+)'/g)) keys.add(m[1] as string);
    expect(keys.size).toBeGreaterThan(30);
    expect([...keys].filter((k) => !(k in en))).toEqual([]);
  });

  it('has a message for every error code, picture and class role', () => {
    const needed = [
      ...errorCodes.map((c) => `errors.${c}`),
      ...[...avatarKeys, ...passwordPictureKeys].map((k) => `pictures.${k}`),
      ...['lead', 'co_teacher', 'assistant'].map((r) => `app.roles.class.${r}`),
    ];
    expect(needed.filter((k) => !(k in en))).toEqual([]);
  });
});
