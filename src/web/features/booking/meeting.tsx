/**
 * One meeting, the way a family reads it: when (in the round's zone), which child with which
 * teacher, where (room, or the video link), the interpreter, who is coming and the note.
 */
import type { BookingView } from '../../../contracts/booking';
import { Name } from '../../components/ui';
import { useT } from '../../lib/i18n';
import { relationshipLabel, rich, When, type ZoneFormat } from './format';

/** "Ava with Daniel Okafor, Room 4": the child, the teacher and the room, each kept as data. */
export function WithWhom({ child, teacher, room }: { child: string; teacher: string; room: string | null }) {
  const t = useT();
  return <>{room ? rich(t, 'booking.meeting.withRoom', { child: <Name>{child}</Name>, teacher: <Name>{teacher}</Name>, room: <Name>{room}</Name> }) : rich(t, 'booking.meeting.with', { child: <Name>{child}</Name>, teacher: <Name>{teacher}</Name> })}</>;
}

export function Attendees({ attendees }: { attendees: BookingView['attendees'] }) {
  const t = useT();
  return (
    <>
      {attendees.map((a, i) => {
        const sep = i > 0 ? ', ' : '';
        if (a.kind === 'guardian')
          return (
            <span key={i}>
              {sep}
              <Name>{a.name}</Name>
            </span>
          );
        const rel = relationshipLabel(t, a.relationship);
        return (
          <span key={i}>
            {sep}
            {rich(t, 'booking.meeting.substitute', { name: <Name>{a.name}</Name>, relationship: rel.typed ? <span data-content dir="auto">{rel.text}</span> : rel.text })}
          </span>
        );
      })}
    </>
  );
}

/** The facts of a booking as a definition list; `details` adds who comes, the note and private time. */
export function MeetingFacts({ booking, fmt, details = false }: { booking: BookingView; fmt: ZoneFormat; details?: boolean }) {
  const t = useT();
  return (
    <dl className="fb-facts">
      <div>
        <dt>{t('booking.meeting.when')}</dt>
        <dd>
          <When>
            {fmt.day(booking.startsAt)}, {fmt.range(booking.startsAt, booking.endsAt)}
          </When>
        </dd>
      </div>
      <div>
        <dt>{t('booking.meeting.teacher')}</dt>
        <dd>
          <Name>{booking.teacher.name}</Name>
        </dd>
      </div>
      <div>
        <dt>{t('booking.meeting.where')}</dt>
        <dd>
          {booking.mode === 'video' ? (
            <>
              {t('booking.meeting.video')}
              {booking.teacher.videoUrl ? (
                <>
                  {' · '}
                  <a href={booking.teacher.videoUrl} target="_blank" rel="noreferrer">
                    {t('booking.meeting.videoLink')}
                  </a>
                </>
              ) : null}
            </>
          ) : booking.teacher.room ? (
            <Name>{booking.teacher.room}</Name>
          ) : (
            t('booking.meeting.roomLater')
          )}
        </dd>
      </div>
      {booking.interpreter ? (
        <div>
          <dt>{t('booking.meeting.interpreter')}</dt>
          <dd>
            <Name>{booking.interpreter.name}</Name>
          </dd>
        </div>
      ) : null}
      {details && booking.attendees.length ? (
        <div>
          <dt>{t('booking.meeting.coming')}</dt>
          <dd>
            <Attendees attendees={booking.attendees} />
          </dd>
        </div>
      ) : null}
      {details && booking.note ? (
        <div>
          <dt>{t('booking.meeting.note')}</dt>
          <dd className="fb-note" dir="auto" data-content>
            {booking.note}
          </dd>
        </div>
      ) : null}
      {details && booking.privateTime ? (
        <div>
          <dt>{t('booking.meeting.privateTime')}</dt>
          <dd>{t('booking.meeting.privateTimeYes')}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** A short list of meetings for the hold and the summary: "16:00–16:15 Ava with Daniel Okafor, Room 4". */
export function MeetingList({ bookings, fmt }: { bookings: readonly BookingView[]; fmt: ZoneFormat }) {
  return (
    <ul className="fb-meetings">
      {bookings.map((b) => (
        <li key={b.id} className="fb-meeting">
          <span className="fb-meeting-day">
            <When>{fmt.day(b.startsAt)}</When>
          </span>
          <span className="fb-meeting-time">
            <When>{fmt.range(b.startsAt, b.endsAt)}</When>
          </span>
          <span className="fb-meeting-who">
            <WithWhom child={b.student.name} teacher={b.teacher.name} room={b.mode === 'video' ? null : b.teacher.room} />
          </span>
        </li>
      ))}
    </ul>
  );
}
