import { describe, expect, it } from 'vitest';
import { seededRandom } from './demo/demo-school';
import { invitationCode, normaliseCode } from './invitations';

describe('invitation codes', () => {
  it('are five and five characters without look-alikes', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 200; i++) expect(invitationCode(random)).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
  });
  it('are typed in any case, with or without the dash or spaces', () => {
    expect(normaliseCode(' k7qm 3xrt ')).toBe('K7QM3XRT');
    expect(normaliseCode('K7QM-3XRT')).toBe('K7QM3XRT');
  });
});
