/**
 * Request and response shapes of the JSON API, shared by the server (validation, serialisation,
 * OpenAPI) and the browser app (types). One schema, three uses.
 */
import { z } from 'zod';
import { errorCodes } from '../domain/errors';
import { avatarKeys, passwordPictureKeys, PICTURE_PASSWORD_LENGTH } from '../domain/pictures';
import { localeTags } from './locales';

export const uuid = z.uuid();

/** Every error the API returns. `code` is stable; `message` is in the person's language. */
export const errorBody = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    /** Field path → error code, for forms to show next to the field. */
    fields: z.record(z.string(), z.string()).optional(),
    /** Quote this when reporting a problem; it is in the server log. */
    requestId: z.string().optional(),
    retryAfterSeconds: z.number().int().optional(),
    /** For `media_too_large`: how large a file of this kind may be, in MB. */
    limitMb: z.number().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const role = z.enum(['admin', 'teacher', 'assistant', 'guardian', 'student']);
export type Role = z.infer<typeof role>;

export const me = z.object({
  id: uuid,
  givenName: z.string(),
  familyName: z.string(),
  email: z.string().nullable(),
  /** The language chosen by the person, or null for the school's. */
  preferredLocale: z.enum(localeTags).nullable(),
  roles: z.array(role),
  schools: z.array(z.object({ id: uuid, name: z.string(), timeZone: z.string(), locale: z.string() })),
  /** Set when the person is a student. */
  studentId: uuid.nullable(),
});
export type Me = z.infer<typeof me>;

export const sessionState = z.object({
  me: me.nullable(),
  /** Send back in `x-csrf-token` on every POST/PATCH/PUT/DELETE. */
  csrfToken: z.string(),
});
export type SessionState = z.infer<typeof sessionState>;

export const passwordSignIn = z.object({
  /** Email address, or a student's username. */
  identifier: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
});

export const linkRequest = z.object({
  email: z.email().max(320),
  /** The language of the page the request came from: the email is written in it when the account has none. */
  locale: z.enum(localeTags).optional(),
});

export const linkSignIn = z.object({ token: z.string().min(20).max(200) });

export const classCodeLookup = z.object({ classCode: z.string().trim().min(3).max(32) });

export const classForSignIn = z.object({
  classId: uuid,
  className: z.string(),
  students: z.array(z.object({ studentId: uuid, givenName: z.string(), familyInitial: z.string(), avatar: z.enum(avatarKeys) })),
});

export const pictureSignIn = z.object({
  classCode: z.string().trim().min(3).max(32),
  studentId: uuid,
  /** The two pictures, in the order the child tapped them. */
  pictures: z
    .array(z.enum(passwordPictureKeys))
    .length(PICTURE_PASSWORD_LENGTH)
    .refine((p) => new Set(p).size === p.length, { message: 'pictures_must_differ' }),
});

export const signedOut = z.object({ signedOutSessions: z.number().int() });

export const updateMe = z.object({ preferredLocale: z.enum(localeTags).nullable() });

export const school = z.object({ id: uuid, name: z.string(), timeZone: z.string(), locale: z.string() });

export const classSummary = z.object({
  id: uuid,
  name: z.string(),
  yearGroup: z.string(),
  classCode: z.string(),
  schoolId: uuid,
  studentCount: z.number().int(),
});

export const myClasses = z.object({
  /** Classes the person teaches, co-teaches or assists in. */
  taught: z.array(classSummary.extend({ role: z.enum(['lead', 'co_teacher', 'assistant']), /** Pupils' posts waiting in the class's approval queue. */ pendingPosts: z.number().int() })),
  /** For admins: the school's other classes. */
  school: z.array(classSummary),
});

const teacher = z.object({ userId: uuid, givenName: z.string(), familyName: z.string(), role: z.enum(['lead', 'co_teacher', 'assistant']) });

export const classDetail = classSummary.omit({ studentCount: true }).extend({
  teachers: z.array(teacher),
  students: z.array(
    z.object({ id: uuid, givenName: z.string(), familyName: z.string(), avatar: z.enum(avatarKeys), yearGroup: z.string(), keyStage: z.string().nullable() }),
  ),
});
export type ClassDetail = z.infer<typeof classDetail>;

export const classSignInCard = z.object({
  className: z.string(),
  classCode: z.string(),
  /** The address the QR code opens: the picture sign-in with the code filled in. */
  url: z.string(),
  /** The QR code as an SVG document. */
  qrSvg: z.string(),
});

export type ClassSignInCard = z.infer<typeof classSignInCard>;

export const studentProfile = z.object({
  id: uuid,
  schoolId: uuid,
  givenName: z.string(),
  familyName: z.string(),
  yearGroup: z.string(),
  gradeLevel: z.number().int(),
  keyStage: z.string().nullable(),
  avatar: z.enum(avatarKeys),
  /** Left the school (only an admin sees archived children). */
  archived: z.boolean(),
  classes: z.array(z.object({ id: uuid, name: z.string(), yearGroup: z.string(), teachers: z.array(teacher) })),
});

export const studentDetail = studentProfile.extend({
  /** Null when the reader may not see the family's contact details (e.g. the child themself). */
  guardians: z
    .array(
      z.object({
        guardianId: uuid,
        givenName: z.string(),
        familyName: z.string(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        preferredLocale: z.string().nullable(),
        relationship: z.string(),
        attendsSeparately: z.boolean(),
      }),
    )
    .nullable(),
});
export type StudentDetail = z.infer<typeof studentDetail>;

export const myChildren = z.object({ children: z.array(studentProfile) });
export type MyChildren = z.infer<typeof myChildren>;
export type MyClasses = z.infer<typeof myClasses>;
export type ClassForSignIn = z.infer<typeof classForSignIn>;

export const health = z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['ok', 'unreachable']), engine: z.enum(['pglite', 'postgres']) });

export const idParam = z.object({ id: uuid });

/** A roster import as the preview page shows it (see src/server/http/routes/roster.ts). */
export interface RosterImportView {
  id: string;
  status: 'planning' | 'planned' | 'applying' | 'applied' | 'failed';
  format: string | null;
  summary: RosterSummary | null;
  problems: Array<{ file: string; line: number; column?: string; code: string; values?: Record<string, string | number>; severity: 'error' | 'warning' }>;
  problemCount: number;
  progress: { stage: string; done: number; total: number } | null;
  error: string | null;
  createdAt: string;
}

interface Counts {
  create: number;
  update: number;
  archive?: number;
  unchanged?: number;
  skippedOlder?: number;
}

export interface RosterSummary {
  terms: Counts;
  classes: Counts;
  people: Counts;
  students: Counts;
  staff: Counts;
  guardians: Counts;
  enrollments: { add: number; remove: number };
  guardianLinks: { add: number; remove: number };
  schools: Array<{ sourcedId: string; name: string }>;
  errors: number;
  warnings: number;
  applied?: { created: number; updated: number; archived: number };
}
