/**
 * Invitation codes for printed letters: eight characters a parent can type on a cheap phone,
 * shown as two groups of four (e.g. `K7QM-3XRT`). No 0/O or 1/I/L to misread. 32⁸ ≈ 10¹² codes,
 * so with the per-address limit on the join form nobody guesses one.
 */
export const INVITATION_DAYS = 30;
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function invitationCode(random: () => number): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** What a person typed → the code as stored: `k7qm 3xrt` and `K7QM-3XRT` are the same code. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
