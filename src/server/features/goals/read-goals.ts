/**
 * Reading goals: a child's goals for one report period (with the periods to switch between and
 * the commitment boxes), one goal, and the report-card goal page. Each read first carries forward
 * any of the child's goals whose period has ended (see carry-forward-goals.ts).
 */
import type { ChildGoals, GoalPage, OneGoal } from '../../../contracts/goals';
import { localeDir, type LocaleTag } from '../../../contracts/locales';
import { chainBefore } from '../../../domain/goals/carry-forward';
import { defaultTargetPeriod, inCalendarOrder, periodContaining, periodHasEnded, periodToShow, schoolToday, targetPeriodForRound } from '../../../domain/goals/periods';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../domain/permissions/index';
import type { Deps } from '../../deps';
import { loadMessages } from '../../i18n';
import { findSchool } from '../school/school.repo';
import { childGoalsAccess, goalWithAccess, type GoalsAccess } from './access';
import { carryForwardEndedGoals } from './carry-forward-goals';
import { findGoal, findRound, listGoalsOfStudent, listReportPeriods } from './goals.repo';
import { loadPeople, presentGoals, presentPeriod, presentStakeholders } from './present-goals';

async function prepare(deps: Deps, access: GoalsAccess) {
  const school = await findSchool(deps.db, access.subject.schoolId);
  if (!school) throw new DomainError('not_found');
  await carryForwardEndedGoals(deps, access.subject.studentId, school.timeZone);
  const today = schoolToday(deps.now(), school.timeZone);
  const periods = inCalendarOrder(await listReportPeriods(deps.db, access.subject.schoolId));
  const all = await listGoalsOfStudent(deps.db, access.subject.studentId);
  return { school, today, periods, all };
}

function studentOf(people: Awaited<ReturnType<typeof loadPeople>>) {
  const c = people.child;
  return { id: c.id, givenName: c.givenName, familyName: c.familyName, schoolId: c.schoolId, avatar: c.avatar, yearGroup: c.yearGroup };
}

/** The period asked for, which must be one of the school's; else the one to open on. */
function choosePeriod<P extends { id: string; startsOn: string; endsOn: string }>(periods: P[], asked: string | undefined, today: string, all: ReadonlyArray<{ reportPeriodId: string | null }>): P | null {
  if (asked) {
    const found = periods.find((p) => p.id === asked);
    if (!found) throw new DomainError('validation_failed', { fields: { 'querystring.period': 'unknown_period' } });
    return found;
  }
  return periodToShow(periods, today, (id) => all.filter((g) => g.reportPeriodId === id).length);
}

/** The period a round of this school looks back on (null for a round of another school, or none). */
async function reviewedPeriodOf(deps: Deps, schoolId: string, roundId: string): Promise<string | null> {
  const round = await findRound(deps.db, roundId);
  return round && round.schoolId === schoolId ? round.reportPeriodId : null;
}

export async function getChildGoals(deps: Deps, actor: Actor, studentId: string, query: { period?: string | undefined; round?: string | undefined }): Promise<ChildGoals> {
  const access = await childGoalsAccess(deps, actor, studentId, 'goals.read');
  const { today, periods, all } = await prepare(deps, access);
  const period = choosePeriod(periods, query.period, today, all);
  const shown = all.filter((g) => (period ? g.reportPeriodId === period.id : g.reportPeriodId === null));
  const people = await loadPeople(deps, access);
  const { views, writers } = await presentGoals(deps, access, people, shown, all, periods);
  const current = periodContaining(periods, today);
  return {
    student: studentOf(people),
    periods: periods.map((p) => ({ ...presentPeriod(p), current: p.id === current?.id, ended: periodHasEnded(p, today), goalCount: all.filter((g) => g.reportPeriodId === p.id).length })),
    period: period ? presentPeriod(period) : null,
    defaultPeriodId: (query.round ? targetPeriodForRound(periods, today, await reviewedPeriodOf(deps, access.subject.schoolId, query.round)) : defaultTargetPeriod(periods, today))?.id ?? null,
    goals: views,
    stakeholders: await presentStakeholders(deps, access, people, writers),
    myRole: access.role,
    can: { manage: access.manage, commit: access.commit },
  };
}

export async function getGoal(deps: Deps, actor: Actor, goalId: string): Promise<OneGoal> {
  const { access } = await goalWithAccess(deps, actor, goalId);
  const { periods, all } = await prepare(deps, access);
  // Read again: it may have been carried forward just now.
  const goal = await findGoal(deps.db, goalId);
  if (!goal) throw new DomainError('not_found');
  const people = await loadPeople(deps, access);
  const { views, writers } = await presentGoals(deps, access, people, [goal], all, periods);
  return { student: studentOf(people), goal: views[0]!, stakeholders: await presentStakeholders(deps, access, people, writers), myRole: access.role };
}

/** The keys of the goal page's fixed text (its own, the statuses' and the roles'). */
const PAGE_PREFIXES = ['goals.page.', 'goals.status.', 'goals.role.'];
const pageMessageCache = new Map<LocaleTag, Record<string, string>>();
function pageMessages(locale: LocaleTag): Record<string, string> {
  let found = pageMessageCache.get(locale);
  if (!found) {
    const en = loadMessages('en');
    const mine = locale === 'en' ? en : loadMessages(locale);
    found = Object.fromEntries(Object.keys(en).filter((k) => PAGE_PREFIXES.some((p) => k.startsWith(p))).map((k) => [k, mine[k] ?? (en[k] as string)]));
    pageMessageCache.set(locale, found);
  }
  return found;
}

/**
 * The report-card goal page of a child for a period: every goal of the period with its measure,
 * status, check-ins and a space per stakeholder with their commitment (null: not written yet),
 * with the fixed text in `locale`. What people wrote stays as written.
 */
export async function getGoalPage(deps: Deps, actor: Actor, studentId: string, query: { period?: string | undefined }, locale: LocaleTag): Promise<GoalPage> {
  const access = await childGoalsAccess(deps, actor, studentId, 'goals.read');
  const { school, today, periods, all } = await prepare(deps, access);
  const period = choosePeriod(periods, query.period, today, all);
  const shown = all.filter((g) => (period ? g.reportPeriodId === period.id : g.reportPeriodId === null));
  const people = await loadPeople(deps, access);
  const { views, writers } = await presentGoals(deps, access, people, shown, all, periods);
  // The child's, their teachers' and family's spaces, and anyone else's who wrote — not an empty one
  // for the reader (an assistant printing it): the printed page is for everyone.
  const boxes = await presentStakeholders(deps, access, people, writers, { includeMe: false });
  const byId = new Map(all.map((g) => [g.id, g]));
  const periodName = new Map(periods.map((p) => [p.id, p.name]));
  return {
    locale,
    dir: localeDir(locale),
    messages: pageMessages(locale),
    school: { name: school.name },
    student: { id: people.child.id, givenName: people.child.givenName, familyName: people.child.familyName, yearGroup: people.child.yearGroup },
    period: period ? presentPeriod(period) : null,
    goals: views.map((g) => {
      const row = byId.get(g.id)!;
      return {
        id: g.id,
        what: g.what,
        measure: g.measure,
        status: g.status,
        carriedFrom: chainBefore(row, byId).map((h) => (h.reportPeriodId ? (periodName.get(h.reportPeriodId) ?? '') : '')),
        checkins: g.checkins.map((c) => ({ createdAt: c.createdAt, note: c.note, evidence: c.posts.map((p) => p.caption || p.text || '') })),
        commitments: boxes.map((b) => ({ role: b.role, givenName: b.givenName, familyName: b.familyName, text: g.commitments.find((c) => c.userId === b.userId)?.text ?? null })),
      };
    }),
  };
}
