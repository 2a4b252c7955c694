import { lazy, StrictMode, Suspense, type ComponentType, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useLocation, useRouteError } from 'react-router';
import { Layout } from './components/layout';
import { ErrorNotice, Loading } from './components/ui';
import { setPageLocale } from './lib/api';
import { I18nProvider, initialLocale, loadLocale, useT, type UiLocale } from './lib/i18n';
import { returnPath, returnState } from './lib/return-to';
import { fetchSession, SessionProvider, useSession } from './lib/session';
import { AccountPage } from './routes/account';
import { JoinPage } from './routes/join';
import { HomePage } from './routes/home';
import { ClassCardPage, ClassPage, StudentPage } from './routes/people';
import { SignInLinkPage, SignInPage } from './routes/sign-in';
import { ClassSignInPage } from './routes/sign-in-class';
import { matchLocale } from '../contracts/locales';
import './styles/app.css';

function RequireSignIn({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  // Keep where the person was (path and query) so signing in again brings them back there.
  if (!me) return <Navigate to="/sign-in" replace state={returnState(location)} />;
  return children;
}

function SignedOutOnly({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  // Once signed in, the same place the sign-in form sends them: so the two never race to different pages.
  return me ? <Navigate to={returnPath(location.state)} replace /> : children;
}

// Staff-only pages load when first opened, so a parent's or child's phone never downloads them.
const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));
const FamiliesPage = named(() => import('./routes/families'), 'FamiliesPage');
const RosterPage = named(() => import('./routes/roster'), 'RosterPage');
const RosterImportPage = named(() => import('./routes/roster'), 'RosterImportPage');
const ClassesPage = named(() => import('./routes/roster-classes'), 'ClassesPage');
const ManageClassPage = named(() => import('./routes/roster-classes'), 'ManageClassPage');
const StaffPage = named(() => import('./routes/roster-staff'), 'StaffPage');
const TermsPage = named(() => import('./routes/roster-terms'), 'TermsPage');
// Portfolio pages (the composer, recorder and drawing pad) load when first opened too.
const PortfolioPage = named(() => import('./routes/portfolio'), 'PortfolioPage');
const NewPostPage = named(() => import('./routes/portfolio'), 'NewPostPage');
const GroupPostPage = named(() => import('./routes/portfolio'), 'GroupPostPage');
const ApprovalsPage = named(() => import('./routes/portfolio'), 'ApprovalsPage');
const SubjectsPage = named(() => import('./routes/portfolio'), 'SubjectsPage');
const UnsubscribePage = named(() => import('./routes/portfolio'), 'UnsubscribePage');
// Criteria, standards, preparation and goals: each area has its own descendant routes.
const StandardsArea = named(() => import('./routes/standards'), 'StandardsArea');
const GoalsArea = named(() => import('./routes/goals'), 'GoalsArea');
const CriteriaArea = named(() => import('./routes/criteria'), 'CriteriaArea');
const RoundsPage = named(() => import('./routes/preparation'), 'RoundsPage');
const ClassPreparationArea = named(() => import('./routes/preparation'), 'ClassPreparationArea');
const StudentPreparationArea = named(() => import('./routes/preparation'), 'StudentPreparationArea');
const FamilyBookingPage = named(() => import('./routes/booking'), 'FamilyBookingPage');
const ClaimPage = named(() => import('./routes/booking'), 'ClaimPage');
const RoundBookingSetupPage = named(() => import('./routes/round-booking'), 'RoundBookingSetupPage');
const ConferenceStatusPage = named(() => import('./routes/conference-status'), 'ConferenceStatusPage');
const InterpreterStatusPage = named(() => import('./routes/conference-status'), 'InterpreterStatusPage');
const ConferenceDayPage = named(() => import('./routes/conference-day'), 'ConferenceDayPage');
const FacilitatorPage = named(() => import('./routes/conference-day'), 'FacilitatorPage');
const RecordPage = named(() => import('./routes/conference-day'), 'RecordPage');
const PresenterPage = named(() => import('./routes/conference-present'), 'PresenterPage');
const FamilyConferencePage = named(() => import('./routes/conference-family'), 'FamilyPage');
const CardsPage = named(() => import('./routes/conference-family'), 'CardsPage');
const SurveyPage = named(() => import('./routes/conference-survey'), 'SurveyPage');
const ClassSurveysPage = named(() => import('./routes/conference-survey'), 'ClassSurveysPage');
const RoundSurveysPage = named(() => import('./routes/conference-survey'), 'RoundSurveysPage');
const SharedRecordPage = named(() => import('./routes/shared-record'), 'SharedRecordPage');
const FollowupsPage = named(() => import('./routes/followups'), 'FollowupsPage');
const InterpretersPage = named(() => import('./routes/round-booking'), 'InterpretersPage');
const CoveragePage = named(() => import('./routes/round-booking'), 'CoveragePage');
const RoundSchedulePage = named(() => import('./routes/round-schedule'), 'RoundSchedulePage');
const DaySheetPage = named(() => import('./routes/round-booking'), 'DaySheetPage');
const DoorSignPage = named(() => import('./routes/round-booking'), 'DoorSignPage');
// Pupil conferencing: the teacher's log, record and class overview; the child's and family's side.
const ConferencingSettingsPage = named(() => import('./routes/conferencing'), 'ConferencingSettingsPage');
const ClassConferencingPage = named(() => import('./routes/conferencing'), 'ClassConferencingPage');
const ChildConferencesPage = named(() => import('./routes/conferencing'), 'ChildConferencesPage');
const LogConferencePage = named(() => import('./routes/conferencing'), 'LogConferencePage');
const EditConferencePage = named(() => import('./routes/conferencing'), 'EditConferencePage');
const PupilConferencePage = named(() => import('./routes/conferencing'), 'PupilConferencePage');
const PartnerPage = named(() => import('./routes/journey'), 'PartnerPage');
const AskConferencePage = named(() => import('./routes/journey'), 'AskConferencePage');
const JourneyPage = named(() => import('./routes/journey'), 'JourneyPage');

function Later({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function NotFound() {
  const t = useT();
  return (
    <div className="narrow">
      <h1>{t('app.notFound.title')}</h1>
      <p>{t('errors.not_found')}</p>
    </div>
  );
}

function RouteError() {
  const t = useT();
  const error = useRouteError();
  return (
    <Layout>
      <h1>{t('app.error.title')}</h1>
      <ErrorNotice error={error} />
    </Layout>
  );
}

const router = createBrowserRouter([
  {
    element: (
      <Layout>
        <Outlet />
      </Layout>
    ),
    errorElement: <RouteError />,
    children: [
      { path: '/', element: <RequireSignIn><HomePage /></RequireSignIn> },
      { path: '/sign-in', element: <SignedOutOnly><SignInPage /></SignedOutOnly> },
      { path: '/sign-in/link', element: <SignInLinkPage /> },
      { path: '/sign-in/class', element: <SignedOutOnly><ClassSignInPage /></SignedOutOnly> },
      { path: '/classes/:id', element: <RequireSignIn><ClassPage /></RequireSignIn> },
      { path: '/classes/:id/card', element: <RequireSignIn><ClassCardPage /></RequireSignIn> },
      { path: '/students/:id', element: <RequireSignIn><StudentPage /></RequireSignIn> },
      { path: '/account', element: <RequireSignIn><AccountPage /></RequireSignIn> },
      { path: '/families', element: <RequireSignIn><Later><FamiliesPage /></Later></RequireSignIn> },
      { path: '/join', element: <SignedOutOnly><JoinPage /></SignedOutOnly> },
      { path: '/roster', element: <RequireSignIn><Later><RosterPage /></Later></RequireSignIn> },
      { path: '/roster/imports/:id', element: <RequireSignIn><Later><RosterImportPage /></Later></RequireSignIn> },
      { path: '/roster/classes', element: <RequireSignIn><Later><ClassesPage /></Later></RequireSignIn> },
      { path: '/roster/classes/:id', element: <RequireSignIn><Later><ManageClassPage /></Later></RequireSignIn> },
      { path: '/roster/staff', element: <RequireSignIn><Later><StaffPage /></Later></RequireSignIn> },
      { path: '/roster/terms', element: <RequireSignIn><Later><TermsPage /></Later></RequireSignIn> },
      { path: '/students/:id/portfolio', element: <RequireSignIn><Later><PortfolioPage /></Later></RequireSignIn> },
      { path: '/students/:id/portfolio/new', element: <RequireSignIn><Later><NewPostPage /></Later></RequireSignIn> },
      { path: '/classes/:id/post', element: <RequireSignIn><Later><GroupPostPage /></Later></RequireSignIn> },
      { path: '/classes/:id/approvals', element: <RequireSignIn><Later><ApprovalsPage /></Later></RequireSignIn> },
      { path: '/school/subjects', element: <RequireSignIn><Later><SubjectsPage /></Later></RequireSignIn> },
      { path: '/unsubscribe', element: <Later><UnsubscribePage /></Later> },
      { path: '/school/standards/*', element: <RequireSignIn><Later><StandardsArea /></Later></RequireSignIn> },
      { path: '/students/:id/goals/*', element: <RequireSignIn><Later><GoalsArea /></Later></RequireSignIn> },
      { path: '/classes/:id/criteria/*', element: <RequireSignIn><Later><CriteriaArea /></Later></RequireSignIn> },
      { path: '/school/rounds', element: <RequireSignIn><Later><RoundsPage /></Later></RequireSignIn> },
      { path: '/classes/:id/preparation/*', element: <RequireSignIn><Later><ClassPreparationArea /></Later></RequireSignIn> },
      { path: '/students/:id/preparation/*', element: <RequireSignIn><Later><StudentPreparationArea /></Later></RequireSignIn> },
      { path: '/rounds/:id/book', element: <RequireSignIn><Later><FamilyBookingPage /></Later></RequireSignIn> },
      { path: '/claim/:token', element: <RequireSignIn><Later><ClaimPage /></Later></RequireSignIn> },
      { path: '/school/rounds/:id/booking', element: <RequireSignIn><Later><RoundBookingSetupPage /></Later></RequireSignIn> },
      { path: '/school/interpreters', element: <RequireSignIn><Later><InterpretersPage /></Later></RequireSignIn> },
      { path: '/school/rounds/:id/schedule', element: <RequireSignIn><Later><RoundSchedulePage /></Later></RequireSignIn> },
      { path: '/school/rounds/:id/coverage', element: <RequireSignIn><Later><CoveragePage /></Later></RequireSignIn> },
      { path: '/rounds/:id/sheet/:teacherId', element: <RequireSignIn><Later><DaySheetPage /></Later></RequireSignIn> },
      { path: '/rounds/:id/door/:teacherId', element: <RequireSignIn><Later><DoorSignPage /></Later></RequireSignIn> },
      { path: '/conferences/:id/status', element: <RequireSignIn><Later><ConferenceStatusPage /></Later></RequireSignIn> },
      { path: '/interpreter-status/:token', element: <Later><InterpreterStatusPage /></Later> },
      { path: '/conference-day', element: <RequireSignIn><Later><ConferenceDayPage /></Later></RequireSignIn> },
      { path: '/conferences/:id/facilitate', element: <RequireSignIn><Later><FacilitatorPage /></Later></RequireSignIn> },
      { path: '/conferences/:id/record', element: <RequireSignIn><Later><RecordPage /></Later></RequireSignIn> },
      { path: '/conferences/:id/present', element: <RequireSignIn><Later><PresenterPage /></Later></RequireSignIn> },
      { path: '/conferences/:id/family', element: <RequireSignIn><Later><FamilyConferencePage /></Later></RequireSignIn> },
      { path: '/conferences/:id/cards', element: <RequireSignIn><Later><CardsPage /></Later></RequireSignIn> },
      { path: '/conferences/:id/survey', element: <RequireSignIn><Later><SurveyPage /></Later></RequireSignIn> },
      { path: '/classes/:id/surveys', element: <RequireSignIn><Later><ClassSurveysPage /></Later></RequireSignIn> },
      { path: '/school/rounds/:id/surveys', element: <RequireSignIn><Later><RoundSurveysPage /></Later></RequireSignIn> },
      { path: '/shared/:token', element: <Later><SharedRecordPage /></Later> },
      { path: '/followups', element: <RequireSignIn><Later><FollowupsPage /></Later></RequireSignIn> },
      { path: '/school/conferencing', element: <RequireSignIn><Later><ConferencingSettingsPage /></Later></RequireSignIn> },
      { path: '/classes/:id/conferencing', element: <RequireSignIn><Later><ClassConferencingPage /></Later></RequireSignIn> },
      { path: '/students/:id/conferences', element: <RequireSignIn><Later><ChildConferencesPage /></Later></RequireSignIn> },
      { path: '/students/:id/conferences/new', element: <RequireSignIn><Later><LogConferencePage /></Later></RequireSignIn> },
      { path: '/pupil-conferences/:id', element: <RequireSignIn><Later><PupilConferencePage /></Later></RequireSignIn> },
      { path: '/pupil-conferences/:id/edit', element: <RequireSignIn><Later><EditConferencePage /></Later></RequireSignIn> },
      { path: '/partners/:id', element: <RequireSignIn><Later><PartnerPage /></Later></RequireSignIn> },
      { path: '/students/:id/ask', element: <RequireSignIn><Later><AskConferencePage /></Later></RequireSignIn> },
      { path: '/students/:id/journey', element: <RequireSignIn><Later><JourneyPage /></Later></RequireSignIn> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

async function boot() {
  const session = await fetchSession().catch(() => ({ me: null, csrfToken: '' }));
  // A signed-in person's own language wins over this browser's, unless the address asks for one.
  const asked = new URLSearchParams(window.location.search).get('lang');
  const locale: UiLocale = (asked ? null : matchLocale([session.me?.preferredLocale])) ?? initialLocale();
  const [messages, fallback] = await Promise.all([loadLocale(locale), locale === 'en' ? null : loadLocale('en')]);
  setPageLocale(locale === 'pseudo' ? 'en' : locale);
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <I18nProvider initial={locale} initialMessages={messages} fallback={fallback ?? messages}>
        <SessionProvider initial={session}>
          <RouterProvider router={router} />
        </SessionProvider>
      </I18nProvider>
    </StrictMode>,
  );
}

void boot();
