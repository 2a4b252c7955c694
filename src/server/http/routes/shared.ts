/** What every route file's schemas say the same way: signed-in access, `{ ok: true }`, `{ id }` for something created. */
import { z } from 'zod';

export const signedIn = { access: 'signed-in' as const };
export const ok = z.object({ ok: z.literal(true) });
export const done = { ok: true as const };
export const created = z.object({ id: z.uuid() });
