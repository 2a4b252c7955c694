/**
 * When families get their daily email of new portfolio posts. Posts approved during the day are
 * gathered into one email sent at DIGEST_HOUR in the school's time zone (after school, when
 * families look at their phones), so a family gets at most one a day however many posts arrive.
 *
 * Worked example (Europe/London, DIGEST_HOUR 17):
 *   approved Tue 09:40 BST  → digest Tue 17:00 BST (16:00Z); its key is `…:2026-10-20`
 *   approved Tue 17:20 BST  → digest Wed 17:00 BST; key `…:2026-10-21`
 *   approved Sat 24 Oct 18:00 BST  → digest Sun 25 Oct 17:00 GMT (17:00Z): the clocks went back
 *                                    that night, and the wall-clock hour stays 17:00 across the change
 */
import { DateTime } from 'luxon';

export const DIGEST_HOUR = 17;

export function nextDigest(approvedAt: Date, timeZone: string, hour = DIGEST_HOUR): { runAt: Date; localDate: string } {
  const local = DateTime.fromJSDate(approvedAt, { zone: timeZone });
  let at = local.set({ hour, minute: 0, second: 0, millisecond: 0 });
  if (at <= local) at = at.plus({ days: 1 }).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return { runAt: at.toJSDate(), localDate: at.toISODate() as string };
}
