/** Request and response shapes for managing a school's classes, children, families, staff and terms by hand. */
import { z } from 'zod';
import { avatarKeys, passwordPictureKeys, PICTURE_PASSWORD_LENGTH } from '../domain/pictures';
import { localeTags } from './locales';

const name = z.string().trim().min(1).max(100);
const isoDate = z.iso.date();
const classRole = z.enum(['lead', 'co_teacher', 'assistant']);
const staffRole = z.enum(['admin', 'teacher', 'assistant']);

export const newClass = z.object({
  name,
  yearGroup: z.string().trim().min(1).max(50),
  teachers: z.array(z.object({ userId: z.uuid(), role: classRole })).max(20).default([]),
});

export const classChange = z
  .object({ name: name.optional(), yearGroup: z.string().trim().min(1).max(50).optional(), archived: z.boolean().optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'empty' });

export const classTeachersBody = z.object({ teachers: z.array(z.object({ userId: z.uuid(), role: classRole })).max(20) });

export const schoolClasses = z.object({
  classes: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      yearGroup: z.string(),
      classCode: z.string(),
      archived: z.boolean(),
      studentCount: z.number().int(),
      teachers: z.array(z.object({ userId: z.uuid(), givenName: z.string(), familyName: z.string(), role: classRole })),
    }),
  ),
});
export type SchoolClasses = z.infer<typeof schoolClasses>;

const pictures = z
  .array(z.enum(passwordPictureKeys))
  .length(PICTURE_PASSWORD_LENGTH)
  .refine((p) => new Set(p).size === p.length, { message: 'pictures_must_differ' });

export const newStudent = z.object({
  givenName: name,
  familyName: name,
  yearGroup: z.string().trim().min(1).max(50),
  gradeLevel: z.number().int().min(-3).max(13),
  keyStage: z.string().trim().max(20).nullable().default(null),
  classIds: z.array(z.uuid()).max(10).default([]),
  avatar: z.enum(avatarKeys).optional(),
  pictures: pictures.optional(),
});

export const studentChange = z
  .object({
    givenName: name.optional(),
    familyName: name.optional(),
    yearGroup: z.string().trim().min(1).max(50).optional(),
    gradeLevel: z.number().int().min(-3).max(13).optional(),
    keyStage: z.string().trim().max(20).nullable().optional(),
    avatar: z.enum(avatarKeys).optional(),
    archived: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'empty' });

export const studentClasses = z.object({ classIds: z.array(z.uuid()).max(10) });
export const studentPictures = z.object({ pictures });

export const guardianLink = z.object({
  givenName: name,
  familyName: name,
  email: z.email().max(320).nullable().default(null),
  phone: z.string().trim().max(40).nullable().default(null),
  preferredLocale: z.string().trim().min(2).max(20).nullable().default(null),
  relationship: z.string().trim().min(1).max(40),
  attendsSeparately: z.boolean().default(false),
});
export const guardianLinkChange = z
  .object({ relationship: z.string().trim().min(1).max(40).optional(), attendsSeparately: z.boolean().optional(), phone: z.string().trim().max(40).nullable().optional(), preferredLocale: z.string().trim().min(2).max(20).nullable().optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'empty' });

export const newStaff = z.object({ givenName: name, familyName: name, email: z.email().max(320), role: staffRole, preferredLocale: z.enum(localeTags).nullable().default(null) });
export const staffChange = z.object({ role: staffRole.optional(), archived: z.boolean().optional() }).refine((v) => Object.keys(v).length > 0, { message: 'empty' });
export const schoolStaff = z.object({
  staff: z.array(z.object({ userId: z.uuid(), givenName: z.string(), familyName: z.string(), email: z.string().nullable(), role: staffRole, archived: z.boolean() })),
});
export type SchoolStaff = z.infer<typeof schoolStaff>;

export const newTerm = z.object({ name, startsOn: isoDate, endsOn: isoDate }).refine((t) => t.endsOn >= t.startsOn, { message: 'dates_reversed', path: ['endsOn'] });
export const schoolTerms = z.object({
  terms: z.array(
    z.object({ id: z.uuid(), name: z.string(), startsOn: z.string(), endsOn: z.string(), reportPeriods: z.array(z.object({ id: z.uuid(), name: z.string(), startsOn: z.string(), endsOn: z.string() })) }),
  ),
});
export type SchoolTerms = z.infer<typeof schoolTerms>;

export const created = z.object({ id: z.uuid() });
