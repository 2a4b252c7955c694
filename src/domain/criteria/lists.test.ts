import { describe, expect, it } from 'vitest';
import type { UserActor } from '../permissions/index';
import { mayOnList } from './access';
import { appliesTo, checkOrder, checkTicks, criteriaForStudent, listsForClass, listsForClasses, moveInOrder, planCopy, scopeOf, yearGroupsOf } from './lists';
import { nextMark } from './marks';
import { criteriaPictureGlyphs, criteriaPictureKeys, isCriteriaPicture } from './pictures';

const school = 'school-1';
const owls = { id: 'owls', schoolId: school, yearGroup: 'Year 1' };
const hedgehogs = { id: 'hedgehogs', schoolId: school, yearGroup: 'Year 1' };
const kestrels = { id: 'kestrels', schoolId: school, yearGroup: 'Year 5' };
const reading = { id: 'reading', schoolId: school, yearGroup: 'Year 1' };
const elsewhere = { id: 'owls-2', schoolId: 'school-2', yearGroup: 'Year 1' };

const list = (id: string, scope: { classId?: string; yearGroup?: string }, archived = false, schoolId = school) => ({
  id,
  schoolId,
  classId: scope.classId ?? null,
  yearGroup: scope.yearGroup ?? null,
  archivedAt: archived ? new Date('2026-01-01T00:00:00Z') : null,
});
const writers = list('writers', { classId: 'owls' });
const representers = list('representers', { yearGroup: 'Year 1' });
const phonics = list('phonics', { classId: 'reading' });
const old = list('old', { classId: 'owls' }, true);
const year5 = list('year5', { yearGroup: 'Year 5' });
const otherSchool = list('other', { yearGroup: 'Year 1' }, false, 'school-2');
const lists = [representers, writers, phonics, old, year5, otherSchool];

const criterion = (id: string, listId: string, position: number, archived = false) => ({
  id,
  listId,
  position,
  archivedAt: archived ? new Date('2026-01-01T00:00:00Z') : null,
  wording: `Wording ${id}`,
  picture: position === 0 ? 'pencil' : null,
  imageMediaId: position === 1 ? 'image-1' : null,
  audioMediaId: position === 0 ? 'audio-1' : null,
});

describe('which lists a class works to', () => {
  it('is its own lists, then those its year group shares, never archived ones or another school’s', () => {
    expect(listsForClass(owls, lists).map((l) => [l.id, l.shared])).toEqual([
      ['writers', false],
      ['representers', true],
    ]);
    expect(listsForClass(hedgehogs, lists).map((l) => l.id)).toEqual(['representers']);
    expect(listsForClass(kestrels, lists).map((l) => l.id)).toEqual(['year5']);
    expect(listsForClass(elsewhere, lists).map((l) => l.id)).toEqual(['other']);
  });

  it('tells a class list from a year group’s', () => {
    expect(scopeOf(writers)).toEqual({ kind: 'class', classId: 'owls' });
    expect(scopeOf(representers)).toEqual({ kind: 'year_group', yearGroup: 'Year 1' });
    expect(appliesTo(representers, kestrels)).toBe(false);
    expect(appliesTo(otherSchool, owls)).toBe(false);
  });
});

describe('which criteria a child works to', () => {
  it('is every list of all their classes, each once, with live criteria in order', () => {
    expect(listsForClasses([owls, reading], lists).map((l) => l.id)).toEqual(['writers', 'representers', 'phonics']);
    const criteria = [criterion('w2', 'writers', 2), criterion('w1', 'writers', 1), criterion('w0', 'writers', 0), criterion('wx', 'writers', 3, true), criterion('r0', 'representers', 0), criterion('o0', 'old', 0)];
    const got = criteriaForStudent([owls, reading], lists, criteria);
    expect(got.map((g) => [g.list.id, g.criteria.map((c) => c.id)])).toEqual([
      ['writers', ['w0', 'w1', 'w2']],
      ['representers', ['r0']],
      ['phonics', []],
    ]);
  });

  it('is nothing for a child in no class', () => {
    expect(criteriaForStudent([], lists, [])).toEqual([]);
  });
});

describe('copying a list', () => {
  const source = {
    list: { id: 'writers', schoolId: school, title: 'What good writers do', subjectTagId: 'writing' },
    criteria: [criterion('w2', 'writers', 5), criterion('wx', 'writers', 1, true), criterion('w0', 'writers', 0), criterion('w1', 'writers', 3)],
  };

  it('to next year’s class makes a class list with the live criteria in order, renumbered, pictures and recordings kept', () => {
    const plan = planCopy(source, { kind: 'class', classId: 'class-2' });
    expect(plan.list).toEqual({ schoolId: school, classId: 'class-2', yearGroup: null, title: 'What good writers do', subjectTagId: 'writing', copiedFromId: 'writers' });
    expect(plan.criteria).toEqual([
      { from: 'w0', position: 0, wording: 'Wording w0', picture: 'pencil', imageMediaId: null, audioMediaId: 'audio-1' },
      { from: 'w1', position: 1, wording: 'Wording w1', picture: null, imageMediaId: null, audioMediaId: null },
      { from: 'w2', position: 2, wording: 'Wording w2', picture: null, imageMediaId: null, audioMediaId: null },
    ]);
  });

  it('to a year group makes a shared list', () => {
    const plan = planCopy(source, { kind: 'year_group', yearGroup: 'Year 2' });
    expect(plan.list.classId).toBeNull();
    expect(plan.list.yearGroup).toBe('Year 2');
    expect(plan.list.copiedFromId).toBe('writers');
  });
});

describe('reordering', () => {
  it('takes each live criterion exactly once', () => {
    expect(checkOrder(['a', 'b', 'c'], ['c', 'a', 'b'])).toEqual({});
    expect(checkOrder(['a', 'b', 'c'], ['c', 'a'])).toEqual({ criterionIds: 'order_incomplete' });
    expect(checkOrder(['a', 'b', 'c'], ['c', 'a', 'a', 'b'])).toEqual({ 'criterionIds.2': 'duplicate' });
    expect(checkOrder(['a', 'b', 'c'], ['c', 'a', 'x', 'b'])).toEqual({ 'criterionIds.2': 'unknown_criterion' });
    expect(checkOrder([], [])).toEqual({});
  });

  it('moves one up or down, and not past either end', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveInOrder(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'x', 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('ticking criteria on a post', () => {
  it('takes the child’s criteria and those already on the post, once each', () => {
    expect(checkTicks(new Set(['a', 'b']), new Set(['old']), ['b', 'old', 'b'])).toEqual({ ids: ['b', 'old'], fields: {} });
    expect(checkTicks(new Set(['a']), new Set(), ['a', 'z'])).toEqual({ ids: ['a', 'z'], fields: { 'criterionIds.1': 'unknown_criterion' } });
  });
});

describe('year groups', () => {
  it('are listed once each', () => {
    expect(yearGroupsOf([owls, kestrels, hedgehogs])).toEqual(['Year 1', 'Year 5']);
  });
});

describe('who may write a list', () => {
  const actor = (teaches: string[], admin = false): UserActor => ({
    kind: 'user',
    userId: 'u',
    staff: [{ schoolId: school, role: admin ? 'admin' : 'teacher' }],
    teaches: teaches.map((classId) => ({ schoolId: school, classId })),
    guardianOf: [],
    student: null,
    partnerOf: [],
  });
  const okafor = actor(['owls']);
  const hale = actor(['hedgehogs']);
  const ruiz = actor(['kestrels']);
  const admin = actor([], true);
  const year1 = ['owls', 'hedgehogs', 'reading'];

  it('is the class’s teachers for a class list', () => {
    expect(mayOnList(okafor, 'criteria.manage', writers, [])).toBe(true);
    expect(mayOnList(hale, 'criteria.manage', writers, [])).toBe(false);
    expect(mayOnList(admin, 'criteria.manage', writers, [])).toBe(true);
  });

  it('is a teacher of any class of the year group for a shared list', () => {
    expect(mayOnList(okafor, 'criteria.manage', representers, year1)).toBe(true);
    expect(mayOnList(hale, 'criteria.manage', representers, year1)).toBe(true);
    expect(mayOnList(ruiz, 'criteria.manage', representers, year1)).toBe(false);
    expect(mayOnList(admin, 'criteria.read', representers, year1)).toBe(true);
  });

  it('is the admin alone once the year group has no classes', () => {
    expect(mayOnList(okafor, 'criteria.manage', representers, [])).toBe(false);
    expect(mayOnList(admin, 'criteria.manage', representers, [])).toBe(true);
  });

  it('is nobody of another school', () => {
    expect(mayOnList(okafor, 'criteria.read', otherSchool, ['owls'])).toBe(false);
    expect(mayOnList({ kind: 'anonymous' }, 'criteria.read', writers, [])).toBe(false);
  });
});

describe('marks', () => {
  it('cycle through the marks in use, then back to none', () => {
    expect(nextMark(null, ['shown'])).toBe('shown');
    expect(nextMark('shown', ['shown'])).toBeNull();
    expect(nextMark(undefined, ['strength', 'next_step'])).toBe('strength');
    expect(nextMark('strength', ['strength', 'next_step'])).toBe('next_step');
    expect(nextMark('next_step', ['strength', 'next_step'])).toBeNull();
    expect(nextMark('shown', ['strength', 'next_step'])).toBe('strength');
    expect(nextMark(null, [])).toBeNull();
  });
});

describe('the picture set', () => {
  it('has a glyph for every key, and about twenty keys', () => {
    expect(criteriaPictureKeys.length).toBeGreaterThanOrEqual(20);
    for (const key of criteriaPictureKeys) expect(criteriaPictureGlyphs[key]).toBeTruthy();
    expect(new Set(criteriaPictureKeys).size).toBe(criteriaPictureKeys.length);
    expect(isCriteriaPicture('full_stop')).toBe(true);
    expect(isCriteriaPicture('dragon')).toBe(false);
  });
});
