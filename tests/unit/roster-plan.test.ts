import { describe, expect, it } from 'vitest';
import type { RosterPackage } from '../../src/domain/roster/model';
import { readOneRoster } from '../../src/domain/roster/oneroster';
import { classFingerprint, enrollmentKey, linkKey, personFingerprint, planImport, summarise, termFingerprint, type CurrentRoster, type ImportPlan } from '../../src/domain/roster/plan';
import { loadPackage } from './roster-fixtures';

const empty = (): CurrentRoster => ({ schoolSourcedId: null, terms: new Map(), classes: new Map(), people: new Map(), enrollments: new Map(), guardianLinks: new Set() });

/** What the school has after applying a plan: the state the next import is compared with. */
function applied(pkg: RosterPackage, plan: ImportPlan, before = empty()): CurrentRoster {
  const now = { ...before, schoolSourcedId: plan.schoolSourcedId, terms: new Map(before.terms), classes: new Map(before.classes), people: new Map(before.people), enrollments: new Map(before.enrollments), guardianLinks: new Set(before.guardianLinks) };
  for (const t of [...plan.terms.create, ...plan.terms.update]) now.terms.set(t.sourcedId, { id: t.sourcedId, lastModified: t.dateLastModified, archived: false, fingerprint: termFingerprint(t) });
  for (const c of [...plan.classes.create, ...plan.classes.update]) now.classes.set(c.sourcedId, { id: c.sourcedId, lastModified: c.dateLastModified, archived: false, fingerprint: classFingerprint(c) });
  for (const p of [...plan.people.create, ...plan.people.update]) now.people.set(p.sourcedId, { id: p.sourcedId, lastModified: p.dateLastModified, archived: false, fingerprint: personFingerprint(p), role: p.role });
  for (const id of plan.people.archive) now.people.set(id, { ...now.people.get(id)!, archived: true });
  for (const id of plan.classes.archive) now.classes.set(id, { ...now.classes.get(id)!, archived: true });
  for (const e of plan.enrollments.add) now.enrollments.set(enrollmentKey(e), { sourcedId: e.sourcedId });
  for (const e of plan.enrollments.remove) now.enrollments.delete(enrollmentKey(e));
  for (const l of plan.guardianLinks.add) now.guardianLinks.add(linkKey(l.guardianSourcedId, l.studentSourcedId));
  for (const l of plan.guardianLinks.remove) now.guardianLinks.delete(linkKey(l.guardianSourcedId, l.studentSourcedId));
  void pkg;
  return now;
}

const bulk = readOneRoster(loadPackage('v1.1-bulk'));

describe('planning an import', () => {
  it('creates everything for a school seen for the first time', () => {
    const plan = planImport(bulk, empty());
    expect(plan.blocked).toBe(false);
    expect(plan.schoolSourcedId).toBe('org-school');
    expect(summarise(plan)).toMatchObject({
      terms: { create: 4 },
      classes: { create: 3 },
      people: { create: 23 },
      students: { create: 8 },
      staff: { create: 5 },
      guardians: { create: 10 },
      enrollments: { add: 12, remove: 0 },
      guardianLinks: { add: 12, remove: 0 },
      errors: 0,
    });
  });

  it('plans nothing when the same files are imported again', () => {
    const first = planImport(bulk, empty());
    const again = planImport(bulk, applied(bulk, first));
    const s = summarise(again);
    expect(s.terms).toMatchObject({ create: 0, update: 0, archive: 0, unchanged: 4 });
    expect(s.classes).toMatchObject({ create: 0, update: 0, archive: 0, unchanged: 3 });
    expect(s.people).toMatchObject({ create: 0, update: 0, archive: 0, unchanged: 23 });
    expect(s.enrollments).toEqual({ add: 0, remove: 0 });
    expect(s.guardianLinks).toEqual({ add: 0, remove: 0 });
  });

  it('applies a delta: leavers archived, newer changes taken, older ones skipped, joiners added', () => {
    const state = applied(bulk, planImport(bulk, empty()));
    const delta = readOneRoster(loadPackage('v1.1-delta'));
    const plan = planImport(delta, state);
    expect(plan.blocked).toBe(false);
    expect(plan.people.archive).toEqual(['u-s4']);
    expect(plan.people.update.map((p) => [p.sourcedId, p.givenName])).toEqual([['u-s6', 'Josefina']]);
    expect(plan.people.skippedOlder).toBe(1); // u-s7 "Gracie" is older than what we have
    expect(plan.people.create.map((p) => p.sourcedId).sort()).toEqual(['u-g11', 'u-s9']);
    expect(plan.enrollments.add).toEqual([{ classSourcedId: 'class-k2', userSourcedId: 'u-s9', role: 'student', sourcedId: 'e13' }]);
    expect(plan.enrollments.remove).toEqual([{ classSourcedId: 'class-k2', userSourcedId: 'u-s4', role: 'student' }]);
    expect(plan.guardianLinks.add).toEqual([{ guardianSourcedId: 'u-g11', studentSourcedId: 'u-s9', relationship: 'parent' }]);
    expect(plan.guardianLinks.remove).toEqual([]); // a delta does not remove links it does not mention
  });

  it('archives in a bulk import whoever is no longer in it, with their enrollments and links', () => {
    const state = applied(bulk, planImport(bulk, empty()));
    const without: RosterPackage = {
      ...bulk,
      people: bulk.people.filter((p) => p.sourcedId !== 'u-s8' && p.sourcedId !== 'u-g10'),
      enrollments: bulk.enrollments.filter((e) => e.userSourcedId !== 'u-s8'),
    };
    const plan = planImport(without, state);
    expect(plan.people.archive.sort()).toEqual(['u-g10', 'u-s8']);
    expect(plan.enrollments.remove).toEqual([{ classSourcedId: 'class-3a', userSourcedId: 'u-s8', role: 'student' }]);
    expect(plan.guardianLinks.remove).toEqual([{ guardianSourcedId: 'u-g10', studentSourcedId: 'u-s8' }]);
  });

  it('refuses to apply when an enrollment names a class that exists nowhere', () => {
    const plan = planImport(readOneRoster(loadPackage('broken/unknown-reference')), empty());
    expect(plan.blocked).toBe(true);
    expect(plan.problems).toContainEqual(expect.objectContaining({ file: 'enrollments.csv', line: 13, column: 'classSourcedId', code: 'reference_unknown' }));
  });

  it('asks which school when an export holds several, and leaves out the others’ rows', () => {
    const two: RosterPackage = {
      ...bulk,
      orgs: [...bulk.orgs, { ...bulk.orgs[1]!, sourcedId: 'org-other', name: 'Other Elementary' }],
      classes: [...bulk.classes, { ...bulk.classes[0]!, sourcedId: 'class-other', schoolSourcedId: 'org-other' }],
    };
    const unsure = planImport(two, empty());
    expect(unsure.problems).toContainEqual(expect.objectContaining({ code: 'school_ambiguous' }));
    expect(unsure.blocked).toBe(true);
    const chosen = planImport(two, empty(), { schoolSourcedId: 'org-school' });
    expect(chosen.blocked).toBe(false);
    expect(chosen.classes.create.map((c) => c.sourcedId)).not.toContain('class-other');
    expect(chosen.problems).toContainEqual(expect.objectContaining({ file: 'classes.csv', code: 'row_ignored', values: { count: 1 } }));
  });
});
