/**
 * The simple CSV in the admin's language: the template's header, and every header name the
 * reader should accept (each column in every shipped language, plus its key).
 */
import { localeTags, type LocaleTag } from '../../../contracts/locales';
import { simpleColumns, type SimpleColumn } from '../../../domain/roster/simple-csv';
import type { Translator } from '../../i18n';

export function simpleCsvAliases(i18n: Translator): Record<string, SimpleColumn> {
  const aliases: Record<string, SimpleColumn> = {};
  for (const key of simpleColumns) {
    aliases[key] = key;
    for (const tag of localeTags) aliases[i18n.t(tag, `app.roster.simpleColumns.${key}`).trim().toLowerCase().replace(/\s+/g, ' ')] = key;
  }
  return aliases;
}

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The template: a header in the reader's language and one example row to replace. UTF-8 with BOM, CRLF, as spreadsheets expect. */
export function simpleCsvTemplate(i18n: Translator, locale: LocaleTag): string {
  const header = simpleColumns.map((key) => quote(i18n.t(locale, `app.roster.simpleColumns.${key}`)));
  const example: Record<SimpleColumn, string> = {
    student_id: '',
    student_given_name: 'Ava',
    student_family_name: 'Example',
    class: 'Owls',
    year_group: 'Year 1',
    grade_level: '1',
    key_stage: 'KS1',
    guardian1_given_name: 'Sam',
    guardian1_family_name: 'Example',
    guardian1_email: 'sam.example@example.org',
    guardian1_phone: '',
    guardian1_language: 'es',
    guardian1_relationship: 'mother',
    guardian2_given_name: '',
    guardian2_family_name: '',
    guardian2_email: '',
    guardian2_phone: '',
    guardian2_language: '',
    guardian2_relationship: '',
  };
  return `\uFEFF${header.join(',')}\r\n${simpleColumns.map((k) => quote(example[k])).join(',')}\r\n`;
}
