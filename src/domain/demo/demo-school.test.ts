import { describe, expect, it } from 'vitest';
import { buildDemoSchool } from './demo-school';

describe('the demo school', () => {
  const demo = buildDemoSchool();

  it('is the same every time', () => {
    expect(JSON.stringify(buildDemoSchool())).toBe(JSON.stringify(demo));
  });

  it('has 2 year groups across 4 classes, 8 staff, 80 students and 120 guardians', () => {
    expect(new Set(demo.classes.map((c) => c.yearGroup)).size).toBe(2);
    expect(demo.classes).toHaveLength(4);
    expect(demo.staff).toHaveLength(8);
    expect(demo.students).toHaveLength(80);
    expect(demo.guardians).toHaveLength(120);
    for (const c of demo.classes) expect(demo.students.filter((s) => s.classKey === c.key)).toHaveLength(20);
  });

  it('has at least 10% of guardians preferring a language other than English', () => {
    const other = demo.guardians.filter((g) => g.preferredLocale && g.preferredLocale !== 'en');
    expect(other.length).toBeGreaterThanOrEqual(12);
    expect(new Set(other.map((g) => g.preferredLocale))).toEqual(new Set(['es', 'ko', 'ar', 'pl']));
  });

  it('has siblings in different classes and a separated family attending separately', () => {
    const siblingGroups = demo.guardians.filter((g) => g.children.length > 1);
    expect(siblingGroups.length).toBeGreaterThan(0);
    for (const g of siblingGroups) {
      const classKeys = g.children.map((c) => demo.students.find((s) => s.key === c.studentKey)?.classKey);
      expect(new Set(classKeys).size).toBe(classKeys.length);
    }
    const separated = demo.guardians.filter((g) => g.children.some((c) => c.attendsSeparately));
    expect(separated).toHaveLength(2);
    expect(separated[0]?.children[0]?.studentKey).toBe(separated[1]?.children[0]?.studentKey);
    expect(separated[0]?.familyName).not.toBe(separated[1]?.familyName);
  });

  it('gives every child a picture unique in their class and two different password pictures', () => {
    for (const c of demo.classes) {
      const avatars = demo.students.filter((s) => s.classKey === c.key).map((s) => s.avatar);
      expect(new Set(avatars).size).toBe(avatars.length);
    }
    for (const s of demo.students) expect(s.pictures[0]).not.toBe(s.pictures[1]);
  });

  it('gives every account a unique email or username', () => {
    const emails = [...demo.staff, ...demo.guardians].map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    const usernames = demo.students.flatMap((s) => (s.username ? [s.username] : []));
    expect(new Set(usernames).size).toBe(usernames.length);
  });
});
