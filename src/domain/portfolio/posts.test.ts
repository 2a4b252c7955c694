import { describe, expect, it } from 'vitest';
import { nextDigest } from './digest';
import { classifyUpload } from './media-types';
import { canSeePost, initialStatus, statusAfterEdit, visibleStatuses } from './posts';

describe('post status', () => {
  it('waits for approval when a pupil posts, unless the class approves automatically', () => {
    expect(initialStatus('student', false)).toBe('pending');
    expect(initialStatus('student', true)).toBe('approved');
    expect(initialStatus('staff', false)).toBe('approved');
  });
  it('sends a pupil-edited post back to the queue; a staff edit keeps the status', () => {
    expect(statusAfterEdit('returned', 'student', false)).toBe('pending');
    expect(statusAfterEdit('approved', 'student', false)).toBe('pending');
    expect(statusAfterEdit('approved', 'student', true)).toBe('approved');
    expect(statusAfterEdit('approved', 'staff', false)).toBe('approved');
  });
  it('shows families approved posts only; the child and teachers every status', () => {
    expect(visibleStatuses({ read: true, review: false, own: false })).toEqual(['approved']);
    expect(canSeePost({ read: true, review: false, own: false }, 'pending')).toBe(false);
    expect(canSeePost({ read: true, review: false, own: true }, 'returned')).toBe(true);
    expect(canSeePost({ read: true, review: true, own: false }, 'pending')).toBe(true);
    expect(visibleStatuses({ read: false, review: false, own: false })).toEqual([]);
  });
});

describe('classifyUpload', () => {
  it('takes the kind from the bytes, with the page hint only for audio-or-video containers', () => {
    expect(classifyUpload('image/jpeg', false)).toEqual({ ok: true, kind: 'image', mimeType: 'image/jpeg' });
    expect(classifyUpload('video/webm', false, 'audio')).toEqual({ ok: true, kind: 'audio', mimeType: 'audio/webm' });
    expect(classifyUpload('video/webm', false)).toEqual({ ok: true, kind: 'video', mimeType: 'video/webm' });
    expect(classifyUpload('image/png', false, 'audio')).toMatchObject({ kind: 'image' });
    expect(classifyUpload('application/pdf', false)).toMatchObject({ kind: 'file' });
    expect(classifyUpload('application/x-msdownload', false)).toEqual({ ok: false, code: 'file_type_not_allowed' });
    expect(classifyUpload(null, true)).toEqual({ ok: true, kind: 'file', mimeType: 'text/plain' });
    expect(classifyUpload(null, false)).toEqual({ ok: false, code: 'file_type_not_allowed' });
  });
});

describe('nextDigest', () => {
  it('is the same day at 17:00 school time before then, the next day after', () => {
    expect(nextDigest(new Date('2026-10-20T08:40:00Z'), 'Europe/London')).toEqual({ runAt: new Date('2026-10-20T16:00:00Z'), localDate: '2026-10-20' });
    expect(nextDigest(new Date('2026-10-20T16:20:00Z'), 'Europe/London')).toEqual({ runAt: new Date('2026-10-21T16:00:00Z'), localDate: '2026-10-21' });
  });
  it('keeps the wall-clock hour across the change of clocks', () => {
    expect(nextDigest(new Date('2026-10-24T17:00:00Z'), 'Europe/London')).toEqual({ runAt: new Date('2026-10-25T17:00:00Z'), localDate: '2026-10-25' });
    // Los Angeles moves on 1 Nov 2026: 17:00 PDT is 00:00Z, 17:00 PST is 01:00Z.
    expect(nextDigest(new Date('2026-11-01T03:00:00Z'), 'America/Los_Angeles').runAt).toEqual(new Date('2026-11-02T01:00:00Z'));
  });
});
