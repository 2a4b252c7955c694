/**
 * A family books their children's conferences (/rounds/:id/book), phone first: suggested
 * sequences or their own times → the times held (a countdown, "I need more time") → who comes and
 * how → booked, with a summary. Booked meetings can be moved or cancelled until the cut-off. An
 * admin opens the same page with `?household=<guardian>` to book for a family. /claim/:token is
 * where a family takes a time offered to them from the waiting list.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { BookingView, claimView, FamilyOptions, HoldView } from '../../contracts/booking';
import { Saved } from '../components/forms';
import { useStepHeading } from '../components/layout';
import { ErrorNotice, Loading, Name } from '../components/ui';
import { BookedMeeting } from '../features/booking/booked-meeting';
import { ChooseTimes, unbookedChildren } from '../features/booking/choose-times';
import { ConfirmStep } from '../features/booking/confirm-step';
import { NameList, rich, useZoneFormat, When, type ZoneFormat } from '../features/booking/format';
import { MeetingFacts, WithWhom } from '../features/booking/meeting';
import { MeetingLanguage } from '../features/booking/meeting-language';
import { AvailabilityForm } from '../features/scheduling/availability-form';
import { api, ApiError } from '../lib/api';
import { useT } from '../lib/i18n';
import { useSession } from '../lib/session';
import { useAction, useApi, type Loadable } from '../lib/use-api';

/** The family's view; `replace` takes the whole view a change answers with. */
function useFamily(url: string) {
  const family = useApi<FamilyOptions>(url);
  return { state: family as Loadable<FamilyOptions>, reload: family.reload, replace: family.replace };
}

type Step = 'choose' | 'confirm' | 'done';

export function FamilyBookingPage() {
  const t = useT();
  const { id } = useParams();
  const [search] = useSearchParams();
  const household = search.get('household');
  const { me } = useSession();
  const family = useFamily(`/api/rounds/${id}/family${household ? `?household=${encodeURIComponent(household)}` : ''}`);
  const [step, setStep] = useState<Step>('choose');
  const [hold, setHold] = useState<HoldView | null>(null);
  const [confirmed, setConfirmed] = useState<BookingView[]>([]);
  // What happened, said at the top of the choosing step: `alert` for a hold that ran out, else a status.
  const [alert, setAlert] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const headingRef = useStepHeading(step);
  const data = family.state.status === 'ready' ? family.state.data : null;
  const fmt = useZoneFormat(data?.round.timeZone);

  // Times held earlier (another tab, a reload) and still running: carry on confirming them.
  const resumed = useRef(false);
  useEffect(() => {
    if (!data || resumed.current) return;
    resumed.current = true;
    if (data.hold && Date.parse(data.hold.expiresAt) > Date.now()) {
      setHold(data.hold);
      setStep('confirm');
    }
  }, [data]);

  const backToChoosing = useCallback(
    (message: string | null) => {
      setHold(null);
      setAlert(message);
      setFlash(null);
      setStep('choose');
      family.reload();
    },
    [family],
  );

  if (family.state.status === 'loading') return <Loading />;
  if (family.state.status === 'error') {
    return (
      <div className="narrow fb">
        <h1>{t('booking.page.titlePlain')}</h1>
        <ErrorNotice error={family.state.error} />
      </div>
    );
  }
  const f = family.state.data;

  if (step === 'confirm' && hold) {
    return (
      <div className="narrow fb">
        <HouseholdBanner family={f} household={household} />
        <ConfirmStep
          family={f}
          hold={hold}
          meId={me?.id}
          fmt={fmt}
          headingRef={headingRef}
          onHoldChanged={setHold}
          onConfirmed={(bookings) => {
            setConfirmed(bookings);
            setHold(null);
            setStep('done');
            family.reload();
          }}
          onReleased={() => backToChoosing(null)}
          onExpired={() => backToChoosing(t('booking.hold.expired'))}
        />
      </div>
    );
  }

  if (step === 'done') {
    return (
      <div className="narrow fb">
        <HouseholdBanner family={f} household={household} />
        <h1 ref={headingRef}>
          <span aria-hidden="true">✓ </span>
          {t('booking.done.title', { count: confirmed.length })}
        </h1>
        <p className="notice notice-ok fb-emailed">
          <span aria-hidden="true">✉️ </span>
          {household ? t('booking.done.emailedFamily') : t('booking.done.emailed')}
        </p>
        <ul className="stack-list">
          {confirmed.map((b) => (
            <li key={b.id} className="card fb-booked">
              <h2 className="fb-child-title">
                <Name>{b.student.name}</Name>
              </h2>
              <MeetingFacts booking={b} fmt={fmt} details />
              <p className="hint">{rich(t, 'booking.booked.changeUntil', { time: <When>{fmt.dateTime(b.changeUntil)}</When> })}</p>
            </li>
          ))}
        </ul>
        <div className="row">
          <button type="button" className="button button-primary" onClick={() => backToChoosing(null)}>
            {t('booking.done.back')}
          </button>
          <Link to="/" className="button">
            {t('booking.done.home')}
          </Link>
        </div>
      </div>
    );
  }

  const booked = f.children.filter((c) => c.booking && c.booking.status === 'confirmed');
  const pending = unbookedChildren(f);
  const notTakingPart = f.children.filter((c) => !c.teacher);
  return (
    <div className="narrow fb">
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
      </p>
      <h1 ref={headingRef}>{rich(t, 'booking.page.title', { round: <Name>{f.round.name}</Name> })}</h1>
      <HouseholdBanner family={f} household={household} />
      {alert ? (
        <p className="notice notice-error" role="alert">
          {alert}
        </p>
      ) : null}
      <Saved message={flash} />
      {f.round.bookingMode === 'self' ? <RoundState family={f} fmt={fmt} anyPending={pending.length > 0} /> : null}
      {f.round.state !== 'closed' ? <MeetingLanguage family={f} householdParam={household} onChanged={family.replace} /> : null}
      {/* An availability round: the family says when they can come; the school gives the times. */}
      {f.round.bookingMode === 'availability' && pending.length > 0 ? <AvailabilityForm roundId={f.round.id} householdParam={household} fmt={fmt} /> : null}
      {f.round.bookingMode === 'availability' && pending.length === 0 && f.children.length > 0 ? <p className="lead">{t('booking.state.allBooked')}</p> : null}
      {f.round.state === 'open' && f.round.bookingMode === 'self' ? (
        <ChooseTimes
          key={f.children.map((c) => `${c.studentId}:${c.booking?.id ?? ''}:${c.waitlisted}`).join()}
          family={f}
          fmt={fmt}
          householdParam={household}
          onHeld={(h) => {
            setHold(h);
            setAlert(null);
            setFlash(null);
            setStep('confirm');
          }}
          onStale={family.reload}
          onWaitlisted={(message) => {
            setAlert(null);
            setFlash(message);
            family.reload();
            headingRef.current?.focus();
          }}
        />
      ) : null}
      {booked.length ? (
        <section aria-labelledby="fb-booked">
          <h2 id="fb-booked">{t('booking.booked.title', { count: booked.length })}</h2>
          <ul className="stack-list">
            {booked.map((c) => (
              <BookedMeeting
                key={c.studentId}
                child={c}
                booking={c.booking!}
                householdUserId={f.householdUserId}
                fmt={fmt}
                onChanged={(message, gone) => {
                  setAlert(null);
                  if (message) setFlash(message);
                  family.reload();
                  if (gone) headingRef.current?.focus();
                }}
              />
            ))}
          </ul>
        </section>
      ) : null}
      {notTakingPart.map((c) => (
        <p key={c.studentId} className="empty">
          {rich(t, 'booking.page.notTakingPart', { child: <Name>{c.name}</Name> })}
        </p>
      ))}
      {f.children.length === 0 ? <p className="empty">{t('booking.page.noChildren')}</p> : null}
    </div>
  );
}

/** An admin booking on a family's behalf sees whose booking it is, on every step. */
function HouseholdBanner({ family, household }: { family: FamilyOptions; household: string | null }) {
  const t = useT();
  if (!household) return null;
  const names = family.guardians.map((g) => g.name);
  return (
    <p className="notice fb-banner">
      <span aria-hidden="true">👥 </span>
      {names.length ? rich(t, 'booking.page.bookingFor', { family: <NameList names={names} /> }) : t('booking.page.bookingForFamily')}
    </p>
  );
}

/** Not open yet, closed, or open until a date. */
function RoundState({ family, fmt, anyPending }: { family: FamilyOptions; fmt: ZoneFormat; anyPending: boolean }) {
  const t = useT();
  const { state, bookingOpensAt: opens, bookingClosesAt: closes } = family.round;
  if (state === 'not_open') {
    return (
      <p className="notice fb-state">
        {opens ? rich(t, 'booking.state.opensAt', { time: <When>{fmt.dateTime(opens)}</When> }) : t('booking.state.notOpen')}
        {closes ? <> {rich(t, 'booking.state.untilAt', { time: <When>{fmt.dateTime(closes)}</When> })}</> : null}
      </p>
    );
  }
  if (state === 'closed') {
    return <p className="notice fb-state">{closes ? rich(t, 'booking.state.closedAt', { time: <When>{fmt.dateTime(closes)}</When> }) : t('booking.state.closed')}</p>;
  }
  if (!anyPending) return <p className="lead">{t('booking.state.allBooked')}</p>;
  return closes ? <p className="lead">{rich(t, 'booking.state.openUntil', { time: <When>{fmt.dateTime(closes)}</When> })}</p> : <p className="lead">{t('booking.state.open')}</p>;
}

// ---- a time offered from the waiting list ------------------------------------------------------

type ClaimView = z.infer<typeof claimView>;

export function ClaimPage() {
  const t = useT();
  const { token } = useParams();
  const [claim, setClaim] = useState<Loadable<ClaimView>>({ status: 'loading' });
  const [zone, setZone] = useState<string | undefined>(undefined);
  const { busy, error, run } = useAction();
  const [step, setStep] = useState<string>('loading');
  const headingRef = useStepHeading(step);
  const fmt = useZoneFormat(zone);

  useEffect(() => {
    let live = true;
    api<ClaimView>('GET', `/api/claims/${encodeURIComponent(token ?? '')}`).then(
      (data) => {
        if (!live) return;
        setClaim({ status: 'ready', data });
        setStep(data.status);
        // The offer says nothing of the round's zone: the family's view of the round does.
        api<FamilyOptions>('GET', `/api/rounds/${data.roundId}/family`).then(
          (fam) => live && setZone(fam.round.timeZone),
          () => undefined,
        );
      },
      (err: unknown) => live && setClaim({ status: 'error', error: err instanceof ApiError ? err : new ApiError(0, 'internal') }),
    );
    return () => {
      live = false;
    };
  }, [token]);

  if (claim.status === 'loading') return <Loading />;
  if (claim.status === 'error') {
    // A link already used (the time was booked with it) or replaced by a newer email.
    if (claim.error.code === 'link_invalid' || claim.error.code === 'not_found') {
      return (
        <div className="narrow fb">
          <h1>{t('booking.claim.usedTitle')}</h1>
          <p>{t('booking.claim.used')}</p>
          <p>
            <Link to="/" className="button button-primary">
              {t('booking.done.home')}
            </Link>
          </p>
        </div>
      );
    }
    return (
      <div className="narrow fb">
        <h1>{t('booking.claim.title')}</h1>
        <ErrorNotice error={claim.error} />
      </div>
    );
  }
  const c = claim.data;
  const b = c.booking;
  const bookPage = `/rounds/${c.roundId}/book`;
  return (
    <div className="narrow fb">
      <p className="breadcrumb">
        <Link to="/">{t('app.nav.home')}</Link>
      </p>
      {c.status === 'offered' ? (
        <>
          <h1 ref={headingRef}>{t('booking.claim.title')}</h1>
          {b ? (
            <div className="card fb-offer">
              <p className="fb-offer-who">
                <WithWhom child={b.student.name} teacher={b.teacher.name} room={b.teacher.room} />
              </p>
              <MeetingFacts booking={b} fmt={fmt} />
              {b.holdExpiresAt ? <p className="hint">{rich(t, 'booking.claim.keptUntil', { time: <When>{fmt.dateTime(b.holdExpiresAt)}</When> })}</p> : null}
            </div>
          ) : null}
          <ErrorNotice error={error} />
          <div className="row">
            <button
              type="button"
              className="button button-primary button-submit"
              aria-disabled={busy || undefined}
              onClick={() =>
                !busy &&
                void run(async () => {
                  const next = await api<ClaimView>('POST', `/api/claims/${encodeURIComponent(token ?? '')}`);
                  setClaim({ status: 'ready', data: next });
                  setStep(next.status);
                })
              }
            >
              {t('booking.claim.book')}
            </button>
            <Link to={bookPage} className="button">
              {t('booking.claim.other')}
            </Link>
          </div>
        </>
      ) : c.status === 'booked' ? (
        <>
          <h1 ref={headingRef}>
            <span aria-hidden="true">✓ </span>
            {t('booking.claim.bookedTitle')}
          </h1>
          <p className="notice notice-ok fb-emailed">
            <span aria-hidden="true">✉️ </span>
            {t('booking.done.emailed')}
          </p>
          {b ? (
            <div className="card fb-booked">
              <h2 className="fb-child-title">
                <Name>{b.student.name}</Name>
              </h2>
              <MeetingFacts booking={b} fmt={fmt} />
            </div>
          ) : null}
          <p>
            <Link to={bookPage} className="button">
              {t('booking.claim.seeAll')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <h1 ref={headingRef}>{t('booking.claim.expiredTitle')}</h1>
          <p>{t('booking.claim.expired')}</p>
          <p>
            <Link to={bookPage} className="button button-primary">
              {t('booking.claim.seeTimes')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
