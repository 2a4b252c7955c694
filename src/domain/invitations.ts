/**
 * Invitation codes for printed letters: ten characters a parent can type on a cheap phone, shown
 * as two groups of five (e.g. `K7QM3-XRTWP`). No 0/O or 1/I/L to misread. 31¹⁰ ≈ 8 × 10¹⁴ codes
 * (about 50 bits) from a secure random source, so with the per-address limit on the join form
 * nobody guesses one.
 */
export const INVITATION_DAYS = 30;
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function invitationCode(random: () => number): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** What a person typed → the code as stored: `k7qm3 xrtwp` and `K7QM3-XRTWP` are the same code. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
