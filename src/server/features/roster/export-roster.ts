/**
 * Exports for the school's own records (and for moving to another system): the roster in the
 * shape of the simple CSV — so it can be edited and uploaded again — and the staff with their
 * classes. Headers are in the admin's language. Conference results (bookings, attendance, goals)
 * join these exports as those parts of Confer arrive.
 */
import { stringify } from 'csv-stringify/sync';
import type { LocaleTag } from '../../../contracts/locales';
import type { Actor } from '../../../domain/permissions/index';
import { simpleColumns } from '../../../domain/roster/simple-csv';
import type { Deps } from '../../deps';
import { authorize } from '../school/authorize';
import { listRosterForExport, listStaffForExport } from './roster.repo';

const BOM = '\uFEFF';

export async function exportRosterCsv(deps: Deps, actor: Actor, schoolId: string, locale: LocaleTag): Promise<string> {
  authorize(actor, 'roster.manage', { type: 'school', schoolId });
  const rows = await listRosterForExport(deps.db, schoolId);
  const header = [...simpleColumns.map((k) => deps.i18n.t(locale, `app.roster.simpleColumns.${k}`)), deps.i18n.t(locale, 'app.roster.export.moreGuardians')];
  const body = rows.map((r) => {
    const [g1, g2, ...more] = r.guardians;
    const g = (x: (typeof r.guardians)[number] | undefined) => [x?.givenName ?? '', x?.familyName ?? '', x?.email ?? '', x?.phone ?? '', x?.language ?? '', x?.relationship ?? ''];
    return ['', r.givenName, r.familyName, r.classes.join('; '), r.yearGroup, String(r.gradeLevel), r.keyStage ?? '', ...g(g1), ...g(g2), more.map((x) => `${x.givenName} ${x.familyName}${x.email ? ` <${x.email}>` : ''}`).join('; ')];
  });
  return BOM + stringify([header, ...body], CSV_OPTIONS);
}

/**
 * CRLF for spreadsheets, and formula escaping: a cell from the roster that starts with = + - @
 * (e.g. a name typed as =HYPERLINK(…) in the information system) is written with a leading ' so a
 * spreadsheet shows it as text instead of running it. The readers take that ' off again.
 */
const CSV_OPTIONS = { record_delimiter: '\r\n', escape_formulas: true } as const;

export async function exportStaffCsv(deps: Deps, actor: Actor, schoolId: string, locale: LocaleTag): Promise<string> {
  authorize(actor, 'roster.manage', { type: 'school', schoolId });
  const { staff, teaching } = await listStaffForExport(deps.db, schoolId);
  const t = (key: string) => deps.i18n.t(locale, key);
  const header = [t('app.roster.export.givenName'), t('app.roster.export.familyName'), t('app.roster.export.email'), t('app.roster.export.role'), t('app.roster.export.classes')];
  const body = staff.map((s) => [
    s.givenName,
    s.familyName,
    s.email ?? '',
    t(`app.roster.export.roles.${s.role}`),
    teaching
      .filter((c) => c.userId === s.userId)
      .map((c) => `${c.name} (${t(`app.roles.class.${c.role}`)})`)
      .join('; '),
  ]);
  return BOM + stringify([header, ...body], CSV_OPTIONS);
}
