/**
 * The words the child's and family's pages share: who is reading (the child themself, their
 * family, their teacher), a conference type and a step's owner in the reader's language, and the
 * state of a child's request as a child would say it ("Your teacher will see you on Tuesday").
 */
import type { ReactNode } from 'react';
import type { RequestView, StepView } from '../../../contracts/conferencing';
import type { ConferenceType } from '../../../domain/conferencing/stages';
import { Name } from '../../components/ui';
import { rich, useRegionalLocale, useZoneFormat } from '../booking/format';
import { useT } from '../../lib/i18n';
import { useSession } from '../../lib/session';

export type Viewer = 'child' | 'family' | 'staff';

/** The child themself, one of the school's staff, or (anyone else who may read it) their family. */
export function useViewer(studentId: string | undefined): Viewer {
  const { me } = useSession();
  if (me?.studentId && me.studentId === studentId) return 'child';
  if (me?.roles.some((r) => r === 'admin' || r === 'teacher' || r === 'assistant')) return 'staff';
  return 'family';
}

/** The school's time zone: a scheduled time is the school's, wherever the phone is. */
export function useSchoolZone(): string | undefined {
  const { me } = useSession();
  return me?.schools[0]?.timeZone;
}

export function useTypeLabel(): (type: ConferenceType) => string {
  const t = useT();
  return (type) => t(`journey.type.${type}`);
}

/** Who a next step is for: "me", "my teacher" to the child; "Ava", "Ava’s family" to others. */
export function useOwnerLabel(child: boolean, name: string): (owner: StepView['owner']) => string {
  const t = useT();
  return (owner) => t(child ? `journey.ownerMine.${owner}` : `journey.owner.${owner}`, { name });
}

const requestIcons: Record<RequestView['status'], string> = { open: '⏳', scheduled: '🗓️', paired: '🤝', replied: '💬', done: '✅' };

/** A request's state in a child's words, with its picture. */
export function RequestState({ request }: { request: RequestView }) {
  const t = useT();
  const zone = useZoneFormat(useSchoolZone());
  let words: ReactNode;
  switch (request.status) {
    case 'scheduled':
      words = request.scheduledFor
        ? rich(t, 'journey.request.scheduled', {
            when: (
              <time dateTime={request.scheduledFor} translate="no">
                {zone.dateTime(request.scheduledFor)}
              </time>
            ),
          })
        : t('journey.request.open');
      break;
    case 'paired':
      words = request.conferencer
        ? rich(t, 'journey.request.paired', {
            name: (
              <Name>
                {request.conferencer.givenName} {request.conferencer.familyName}
              </Name>
            ),
          })
        : t('journey.request.open');
      break;
    default:
      words = t(`journey.request.${request.status}`);
  }
  return (
    <span className={`request-state request-state-${request.status}`}>
      <span className="picture picture-md" aria-hidden="true">
        {requestIcons[request.status]}
      </span>
      <span>{words}</span>
    </span>
  );
}

/** A calendar day (YYYY-MM-DD, no time zone) in the reader's language: "Thursday 3 December". */
export function Day({ iso }: { iso: string }) {
  const locale = useRegionalLocale();
  return (
    <time dateTime={iso} translate="no">
      {new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`))}
    </time>
  );
}
