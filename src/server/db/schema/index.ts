/**
 * The database schema: PostgreSQL 15 dialect, shared by PGlite (embedded) and node-postgres.
 * Migrations are generated from this file with `npm run db:generate -- --name <what>` and committed;
 * `tests/medium/migrations.test.ts` fails when the two disagree.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AgendaStep } from '../../../domain/conference/agenda';
import type { Stage } from '../../../domain/conferencing/stages';
import type { AvatarKey } from '../../../domain/pictures';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const staffRole = pgEnum('staff_role', ['admin', 'teacher', 'assistant']);
export const classTeacherRole = pgEnum('class_teacher_role', ['lead', 'co_teacher', 'assistant']);

export const schools = pgTable('schools', {
  id: id(),
  name: text('name').notNull(),
  /** IANA zone, e.g. Europe/London: every wall-clock time of the school is in it. */
  timeZone: text('time_zone').notNull(),
  /** The school's default locale (BCP 47), used where a person has not chosen one. */
  locale: text('locale').notNull().default('en'),
  /** Short code used in demo data and class codes. */
  slug: text('slug').notNull().unique(),
  /** Guardians may share a conference record with another adult by link (an admin can turn it off). */
  recordSharing: boolean('record_sharing').notNull().default(true),
  /** Pupil conferencing's stages (domain/conferencing/stages.ts); null: the UK primary template. */
  conferenceStages: jsonb('conference_stages').$type<Stage[] | null>(),
  /** Guardians read their child's published pupil-conference records (an admin can turn it off). */
  familiesReadPupilConferences: boolean('families_read_pupil_conferences').notNull().default(true),
  createdAt: createdAt(),
});

/** Every person who can sign in: staff, guardians and students. */
export const users = pgTable(
  'users',
  {
    id: id(),
    /** Lower-cased; null for young students who sign in with pictures. */
    email: text('email'),
    /** For older students who sign in with a username and password. */
    username: text('username'),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    /** `scrypt$N$r$p$salt$hash`; null when the person signs in only by link or pictures. */
    passwordHash: text('password_hash'),
    /** BCP 47 tag of the language the person reads, e.g. `ko`; null = the school's. */
    preferredLocale: text('preferred_locale'),
    /** Languages a member of staff can hold a conference in (BCP 47). Null: the school's language. */
    spokenLanguages: jsonb('spoken_languages').$type<string[]>(),
    /** A guardian's daily email of new portfolio posts; switched off from the account page or the email's link. */
    portfolioDigest: boolean('portfolio_digest').notNull().default(true),
    /** Until when the daily digest has covered this person's children's posts. */
    portfolioDigestThrough: timestamp('portfolio_digest_through', { withTimezone: true }),
    /** The secret in the digest email's "stop these emails" link: it can only switch the digest off. */
    digestUnsubscribeToken: text('digest_unsubscribe_token').unique(),
    /** First time the person signed in or accepted an invitation: "has joined". */
    joinedAt: timestamp('joined_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  // Case-insensitive: Ana@School.org and ana@school.org are one account (stored lower-cased too).
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`), uniqueIndex('users_username_key').on(sql`lower(${t.username})`)],
);

export const staffMemberships = pgTable(
  'staff_memberships',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: staffRole('role').notNull(),
    /** Left the school: the membership (and what they did) stays, the access goes. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_memberships_school_user_role_key').on(t.schoolId, t.userId, t.role), index('staff_memberships_user_idx').on(t.userId)],
);

export const students = pgTable(
  'students',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().unique().references(() => users.id, { onDelete: 'cascade' }),
    /** As the school names it: "Year 1", "Grade 4", "Reception". */
    yearGroup: text('year_group').notNull(),
    /** Numeric grade for ordering and ranges: Reception/Kindergarten = 0, Year 1 = 1 … */
    gradeLevel: integer('grade_level').notNull(),
    /** UK key stage (EYFS, KS1, KS2…) or a US grade band; null where the school uses none. */
    keyStage: text('key_stage'),
    /** The child's own picture (an avatar key from the picture set) shown at sign-in. */
    avatar: text('avatar').$type<AvatarKey>().notNull(),
    /** Hash of the ordered two-picture password; null when the child signs in with a password. */
    picturePasswordHash: text('picture_password_hash'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('students_school_idx').on(t.schoolId)],
);

export const guardians = pgTable('guardians', {
  id: id(),
  userId: uuid('user_id').notNull().unique().references(() => users.id, { onDelete: 'cascade' }),
  phone: text('phone'),
  /** The language the family speaks at a conference (BCP 47; may be one Confer's screens are not in). Null: the account's reading language, else the school's. */
  language: text('language'),
  createdAt: createdAt(),
});

export const guardianStudents = pgTable(
  'guardian_students',
  {
    guardianId: uuid('guardian_id').notNull().references(() => guardians.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
    /** mother, father, grandparent, carer… (free text from the roster). */
    relationship: text('relationship').notNull(),
    /** Separated parents: this guardian books and attends on their own. */
    attendsSeparately: boolean('attends_separately').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.guardianId, t.studentId] }), index('guardian_students_student_idx').on(t.studentId)],
);

export const classes = pgTable(
  'classes',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    yearGroup: text('year_group').notNull(),
    /** Typed by young children at sign-in (or read from the class QR code). */
    classCode: text('class_code').notNull(),
    /** Pupils' portfolio posts go straight to their families, without waiting in the approval queue. */
    autoApprovePosts: boolean('auto_approve_posts').notNull().default(false),
    /** The class's teacher can turn off sharing records by link for their class (the school's switch wins when off). */
    recordSharing: boolean('record_sharing').notNull().default(true),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  // Codes are typed by children in any case: OWL-7KQ2 and owl-7kq2 must be the same class.
  (t) => [index('classes_school_idx').on(t.schoolId), uniqueIndex('classes_class_code_key').on(sql`upper(${t.classCode})`)],
);

export const classTeachers = pgTable(
  'class_teachers',
  {
    classId: uuid('class_id').notNull().references(() => classes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: classTeacherRole('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.userId] }), index('class_teachers_user_idx').on(t.userId)],
);

export const enrollments = pgTable(
  'enrollments',
  {
    classId: uuid('class_id').notNull().references(() => classes.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.classId, t.studentId] }), index('enrollments_student_idx').on(t.studentId)],
);

export const terms = pgTable(
  'terms',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('terms_school_idx').on(t.schoolId)],
);

/** A report period ends with a report (card); goals target one and carry forward to the next. */
export const reportPeriods = pgTable(
  'report_periods',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    termId: uuid('term_id').notNull().references(() => terms.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('report_periods_school_idx').on(t.schoolId)],
);

/** Sign-in sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    /** How the person signed in: password, link, pictures. */
    method: text('method').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time sign-in links: stored as SHA-256 of the token, used once, expire. */
export const signInTokens = pgTable('sign_in_tokens', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/**
 * Sign-in attempts, counted per account to slow down guessing (per-IP limits live in the rate
 * limiter). An attempt is written *before* the secret is checked, so guesses sent at the same
 * moment count against each other; a success clears the account's earlier failures (kept, for the
 * record) rather than deleting them.
 */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: id(),
    /** `email:…`, `username:…`, `student:<id>`, or `link:<email>` for sign-in link requests. */
    accountKey: text('account_key').notNull(),
    ip: text('ip').notNull(),
    /** pending while being checked; failed; succeeded; cleared (a failure before a later success). */
    outcome: text('outcome').$type<'pending' | 'failed' | 'succeeded' | 'cleared'>().notNull().default('pending'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_attempts_account_at_idx').on(t.accountKey, t.at)],
);

/**
 * Durable background work (emails, imports, digests): a row per job, claimed with
 * FOR UPDATE SKIP LOCKED so several server instances share the queue. A job whose worker died is
 * picked up again when its lease runs out; job handlers are written to be safe to run again.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    kind: text('kind').notNull(),
    /** The payload schema version the job was queued with. */
    version: integer('version').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').$type<'queued' | 'running' | 'done' | 'failed'>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lockedBy: text('locked_by'),
    /** Queueing the same key twice makes one job. */
    idempotencyKey: text('idempotency_key').unique(),
    /** For long jobs (imports): how far along, for a progress bar. */
    progress: jsonb('progress'),
    result: jsonb('result'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('jobs_runnable_idx').on(t.status, t.runAt)],
);

/** Every email Confer sends; in embedded mode this is the outbox shown at /dev/mail. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: id(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** Files sent with the message (e.g. a meeting's .ics), their content as text. */
    attachments: jsonb('attachments').$type<Array<{ filename: string; contentType: string; content: string }>>(),
    /** nodemailer's response when sent over SMTP; null when only kept in the outbox. */
    transport: jsonb('transport'),
    /** One message per key (e.g. the job that sends it): a retried job does not mail twice. */
    dedupeKey: text('dedupe_key').unique(),
    createdAt: createdAt(),
  },
  (t) => [index('mail_outbox_created_idx').on(t.createdAt)],
);

/**
 * Where a term, class, person or enrollment came from in the school's information system: the
 * source's `sourcedId` (kept as it is — never replaced by ours), the Confer row it became, and what
 * the import last wrote, so the next import can tell new, changed, unchanged and gone.
 */
export const rosterSources = pgTable(
  'roster_sources',
  {
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'org' | 'term' | 'class' | 'person' | 'enrollment'>().notNull(),
    sourcedId: text('sourced_id').notNull(),
    /** The Confer id (uuid) — for an enrollment, `classSourcedId|userSourcedId|role`. */
    targetId: text('target_id').notNull(),
    /** A person's role in the source (student, teacher, aide, administrator, guardian). */
    role: text('role'),
    fingerprint: text('fingerprint').notNull().default(''),
    lastModified: text('last_modified'),
    /**
     * For a person: true when this school's import created the account. False when the import
     * matched an account that already existed (by email) — then the import never changes that
     * account's name, email or language, and "archiving" only ends its place in this school.
     */
    owned: boolean('owned').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.kind, t.sourcedId] }), index('roster_sources_target_idx').on(t.targetId)],
);

/** One upload of roster files: what it holds, the dry-run preview, and how applying it went. */
export const rosterImports = pgTable(
  'roster_imports',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** oneroster-1.1, oneroster-1.2, sds-2.1, simple-csv */
    format: text('format'),
    /** The uploaded files, by name (CSV text). Kept until the import is applied or abandoned. */
    files: jsonb('files').$type<Record<string, string>>().notNull(),
    /** Chosen org when the files hold several schools. */
    schoolSourcedId: text('school_sourced_id'),
    status: text('status').$type<'planning' | 'planned' | 'applying' | 'applied' | 'failed'>().notNull().default('planning'),
    /** Counts from the dry run (and, once applied, of what was written). */
    summary: jsonb('summary'),
    /** Every problem: file, line, column, code, values, severity. */
    problems: jsonb('problems'),
    progress: jsonb('progress'),
    error: text('error'),
    createdAt: createdAt(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [index('roster_imports_school_idx').on(t.schoolId, t.createdAt)],
);

/**
 * An invitation for a guardian to join: by email (a link) or on a printed letter (a QR code and a
 * code to type). The secret is kept only as a SHA-256, so a letter's code is shown once, when the
 * letter is made; printing again makes a new one. Accepting sets a password and links nothing new:
 * the guardian's children are already linked by the roster.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    method: text('method').$type<'email' | 'letter'>().notNull(),
    /** SHA-256 of the emailed token or of the letter's code (normalised: upper case, no dash). */
    secretHash: text('secret_hash').unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('invitations_school_user_idx').on(t.schoolId, t.userId)],
);

/**
 * The school's list of subjects and strands that posts are tagged with ("Language arts" with the
 * strands writing, reading, representing; "Numeracy"; "Project"; "ICT"…). A strand may belong to a
 * subject. Success criteria and standards are linked to posts by their own tables (post_criteria,
 * post_standards — the next issue), because they carry their own data; the API shows all of a post's
 * tags together, each with its kind.
 */
export const portfolioTags = pgTable(
  'portfolio_tags',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'subject' | 'strand'>().notNull(),
    /** For a strand: the subject it belongs to (optional). */
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    /** No longer offered for new posts; old posts keep it. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('portfolio_tags_school_idx').on(t.schoolId), uniqueIndex('portfolio_tags_school_kind_name_key').on(t.schoolId, t.kind, sql`lower(${t.name})`)],
);

/**
 * An uploaded photo, video, recording, drawing or file. Stored under keys in the media store: an
 * image's upload is kept only until the processing job has made its resized, metadata-free
 * variants; video, audio and files are kept as uploaded. Until a post uses it, only the uploader
 * may see it; after that, whoever may see the post.
 */
export const media = pgTable(
  'media',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').$type<'image' | 'video' | 'audio' | 'file'>().notNull(),
    /** The type found in the file's first bytes (never the name's). */
    mimeType: text('mime_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    /** The name on the uploader's device, for a file's download (never used to decide anything). */
    originalName: text('original_name'),
    status: text('status').$type<'processing' | 'ready' | 'failed'>().notNull().default('processing'),
    /** Store key of the upload as it came (removed for images once processed). */
    uploadKey: text('upload_key'),
    /** Variant name → { key, mimeType, width?, height?, byteSize }. */
    variants: jsonb('variants').$type<Record<string, { key: string; mimeType: string; width?: number; height?: number; byteSize: number }>>().notNull().default({}),
    width: integer('width'),
    height: integer('height'),
    error: text('error'),
    createdAt: createdAt(),
    readyAt: timestamp('ready_at', { withTimezone: true }),
  },
  (t) => [index('media_school_idx').on(t.schoolId)],
);

/**
 * A post in a child's portfolio: one or more items, a caption and the child's own reflection
 * (typed, or recorded as audio). A pupil's post waits for a teacher's approval (unless the class
 * approves automatically); a teacher's post for a child is approved at once. A post made for a
 * group of children is one post per child, sharing a `groupId` and the same media.
 */
export const posts = pgTable(
  'posts',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
    /** The class it was posted in: whose approval queue it waits in. */
    classId: uuid('class_id').references(() => classes.id, { onDelete: 'set null' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** `student` (the child themself), `staff` (a teacher or assistant, for the child), or `guardian` (a family's reflection after a conference). */
    authorRole: text('author_role').$type<'student' | 'staff' | 'guardian'>().notNull(),
    groupId: uuid('group_id'),
    caption: text('caption').notNull().default(''),
    reflection: text('reflection').notNull().default(''),
    reflectionAudioId: uuid('reflection_audio_id').references(() => media.id, { onDelete: 'set null' }),
    status: text('status').$type<'pending' | 'approved' | 'returned'>().notNull(),
    /** The teacher's comment when they return a post to the child. */
    returnComment: text('return_comment'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** When families first could see it (the digest covers posts approved since the last one). */
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('posts_student_created_idx').on(t.studentId, t.createdAt),
    index('posts_class_status_idx').on(t.classId, t.status),
    index('posts_approved_idx').on(t.studentId, t.approvedAt),
  ],
);

export const postItems = pgTable(
  'post_items',
  {
    id: id(),
    postId: uuid('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** photo, video, audio (a voice recording), drawing, text, file. */
    kind: text('kind').$type<'photo' | 'video' | 'audio' | 'drawing' | 'text' | 'file'>().notNull(),
    mediaId: uuid('media_id').references(() => media.id, { onDelete: 'restrict' }),
    text: text('text'),
  },
  (t) => [index('post_items_post_idx').on(t.postId), index('post_items_media_idx').on(t.mediaId)],
);

export const postTags = pgTable(
  'post_tags',
  {
    postId: uuid('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id').notNull().references(() => portfolioTags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.tagId] }), index('post_tags_tag_idx').on(t.tagId)],
);

/** Families' and teachers' comments on a post; a teacher can hide one (it stays, for the record). */
export const postComments = pgTable(
  'post_comments',
  {
    id: id(),
    postId: uuid('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenBy: uuid('hidden_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('post_comments_post_idx').on(t.postId, t.createdAt)],
);

// ---------------------------------------------------------------------------------------------
// Success criteria, standards, conference preparation and goals (decision 005).

/**
 * A success-criteria list, an "anchor chart": *What good writers do*. It belongs to one class, or
 * is shared by every class of a year group; it may be about one subject. Copying it (to next
 * year's class, or another year group) makes an independent list that remembers where it came from.
 */
export const criteriaLists = pgTable(
  'criteria_lists',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    classId: uuid('class_id').references(() => classes.id, { onDelete: 'cascade' }),
    /** Shared by every class of this year group (then `classId` is null). */
    yearGroup: text('year_group'),
    subjectTagId: uuid('subject_tag_id').references(() => portfolioTags.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    copiedFromId: uuid('copied_from_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('criteria_lists_class_idx').on(t.classId),
    index('criteria_lists_school_year_group_idx').on(t.schoolId, t.yearGroup),
    check('criteria_lists_scope_check', sql`(${t.classId} is null) <> (${t.yearGroup} is null)`),
  ],
);

/** One criterion in child-friendly words, with an optional picture and a spoken version. */
export const criteria = pgTable(
  'criteria',
  {
    id: id(),
    listId: uuid('list_id').notNull().references(() => criteriaLists.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** "I put spaces between my words." */
    wording: text('wording').notNull(),
    /** A picture key from the criteria picture set (domain/criteria/pictures.ts). */
    picture: text('picture'),
    /** Or the teacher's own picture (an uploaded image). */
    imageMediaId: uuid('image_media_id').references(() => media.id, { onDelete: 'set null' }),
    /** The teacher's recording of the wording; without one, the browser reads it aloud. */
    audioMediaId: uuid('audio_media_id').references(() => media.id, { onDelete: 'set null' }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('criteria_list_idx').on(t.listId, t.position)],
);

/** The criteria a piece of work shows, ticked by the child or their teacher. */
export const postCriteria = pgTable(
  'post_criteria',
  {
    postId: uuid('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id').notNull().references(() => criteria.id, { onDelete: 'cascade' }),
    taggedBy: uuid('tagged_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.criterionId] }), index('post_criteria_criterion_idx').on(t.criterionId)],
);

/**
 * A standards framework: an imported CASE CFDocument, or one the school wrote itself in the same
 * model. Keyed by the CASE identifier (a GUID) within the school — never an id of our own.
 */
export const standardFrameworks = pgTable(
  'standard_frameworks',
  {
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    /** CFDocument.identifier. */
    identifier: text('identifier').notNull(),
    uri: text('uri'),
    title: text('title').notNull(),
    creator: text('creator'),
    /** `case` (imported from a CASE package) or `school` (written here). */
    source: text('source').$type<'case' | 'school'>().notNull(),
    /** CASE version of the imported package: 1.0 or 1.1. */
    caseVersion: text('case_version'),
    /** CFDocument.lastChangeDateTime as given. */
    lastChangeDateTime: text('last_change_date_time'),
    /** The CFDocument as imported (every field, including those we do not show). */
    document: jsonb('document').$type<Record<string, unknown>>().notNull().default({}),
    importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.identifier] })],
);

/** A CFItem: one statement of a framework; the tree comes from its isChildOf association. */
export const standardItems = pgTable(
  'standard_items',
  {
    schoolId: uuid('school_id').notNull(),
    /** CFItem.identifier (GUID). */
    identifier: text('identifier').notNull(),
    frameworkIdentifier: text('framework_identifier').notNull(),
    uri: text('uri'),
    fullStatement: text('full_statement').notNull(),
    abbreviatedStatement: text('abbreviated_statement'),
    humanCodingScheme: text('human_coding_scheme'),
    listEnumeration: text('list_enumeration'),
    itemType: text('item_type'),
    educationLevel: jsonb('education_level').$type<string[]>().notNull().default([]),
    language: text('language'),
    /** Parent item in the tree (null: directly under the document). */
    parentIdentifier: text('parent_identifier'),
    /** Depth-first order in the framework's tree (0, 1, 2…), and depth (0 = top level). */
    position: integer('position').notNull(),
    depth: integer('depth').notNull(),
    /** In the framework before, but not in its latest import: kept for what links to it. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    item: jsonb('item').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.identifier] }),
    foreignKey({ columns: [t.schoolId, t.frameworkIdentifier], foreignColumns: [standardFrameworks.schoolId, standardFrameworks.identifier] }).onDelete('cascade'),
    index('standard_items_framework_idx').on(t.schoolId, t.frameworkIdentifier, t.position),
  ],
);

/** A CFAssociation, kept as imported (isChildOf builds the tree; the others are shown as links). */
export const standardAssociations = pgTable(
  'standard_associations',
  {
    schoolId: uuid('school_id').notNull(),
    identifier: text('identifier').notNull(),
    frameworkIdentifier: text('framework_identifier').notNull(),
    associationType: text('association_type').notNull(),
    originIdentifier: text('origin_identifier').notNull(),
    destinationIdentifier: text('destination_identifier').notNull(),
    sequenceNumber: integer('sequence_number'),
    association: jsonb('association').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.identifier] }),
    foreignKey({ columns: [t.schoolId, t.frameworkIdentifier], foreignColumns: [standardFrameworks.schoolId, standardFrameworks.identifier] }).onDelete('cascade'),
    index('standard_associations_origin_idx').on(t.schoolId, t.originIdentifier),
  ],
);

/** Standards a success criterion stands for. */
export const criterionStandards = pgTable(
  'criterion_standards',
  {
    criterionId: uuid('criterion_id').notNull().references(() => criteria.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id').notNull(),
    itemIdentifier: text('item_identifier').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.criterionId, t.itemIdentifier] }),
    foreignKey({ columns: [t.schoolId, t.itemIdentifier], foreignColumns: [standardItems.schoolId, standardItems.identifier] }).onDelete('cascade'),
  ],
);

/** Standards a piece of work shows, tagged by a teacher. */
export const postStandards = pgTable(
  'post_standards',
  {
    postId: uuid('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id').notNull(),
    itemIdentifier: text('item_identifier').notNull(),
    taggedBy: uuid('tagged_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.itemIdentifier] }),
    foreignKey({ columns: [t.schoolId, t.itemIdentifier], foreignColumns: [standardItems.schoolId, standardItems.identifier] }).onDelete('cascade'),
    index('post_standards_item_idx').on(t.schoolId, t.itemIdentifier),
  ],
);

/**
 * A conference round ("Autumn student-led conferences"). Minimal here — a name, dates and the
 * report period it looks back on; the booking issue adds days, sessions, slots and teachers.
 */
export const conferenceRounds = pgTable(
  'conference_rounds',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** The report period the conferences review (goals set there target the next one). */
    reportPeriodId: uuid('report_period_id').references(() => reportPeriods.id, { onDelete: 'set null' }),
    /** Length of one meeting, 10–30 minutes. */
    slotMinutes: integer('slot_minutes').notNull().default(20),
    /** Between two meetings of one teacher. */
    bufferMinutes: integer('buffer_minutes').notNull().default(0),
    /** Walking time between two rooms, for a family's back-to-back meetings. */
    walkMinutes: integer('walk_minutes').notNull().default(5),
    /** How long a family's chosen times are held while they confirm (they can extend it). */
    holdMinutes: integer('hold_minutes').notNull().default(10),
    /** Families can book from (null: not open yet) until (null: the round's first meeting). */
    bookingOpensAt: timestamp('booking_opens_at', { withTimezone: true }),
    bookingClosesAt: timestamp('booking_closes_at', { withTimezone: true }),
    /** Families can move or cancel up to this many hours before the meeting. */
    changeCutoffHours: integer('change_cutoff_hours').notNull().default(24),
    /** Guardians who attend separately: each books a meeting of their own, or they share one. */
    separatedGuardians: text('separated_guardians').$type<'separate' | 'together'>().notNull().default('separate'),
    /** Families may choose a video meeting. */
    allowVideo: boolean('allow_video').notNull().default(true),
    /** Families further down a teacher's evening are told when their meeting runs this many minutes late (0: never). */
    lateNoticeMinutes: integer('late_notice_minutes').notNull().default(10),
    /** `self`: families choose their times; `availability`: they say when they can come and the school's scheduler assigns the times. */
    bookingMode: text('booking_mode').$type<'self' | 'availability'>().notNull().default('self'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('conference_rounds_school_idx').on(t.schoolId, t.startsOn)],
);

/** The classes whose families book in a round. */
export const roundClasses = pgTable(
  'round_classes',
  {
    roundId: uuid('round_id').notNull().references(() => conferenceRounds.id, { onDelete: 'cascade' }),
    classId: uuid('class_id').notNull().references(() => classes.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.classId] })],
);

/** A wall-clock stretch of a day ("15:30–19:00") in the school's zone, with breaks inside it. */
export type WallTime = string; // 'HH:MM'
export type Break = { start: WallTime; end: WallTime };
export const roundSessions = pgTable(
  'round_sessions',
  {
    id: id(),
    roundId: uuid('round_id').notNull().references(() => conferenceRounds.id, { onDelete: 'cascade' }),
    /** The school's local date. */
    date: date('date').notNull(),
    startTime: text('start_time').$type<WallTime>().notNull(),
    endTime: text('end_time').$type<WallTime>().notNull(),
    breaks: jsonb('breaks').$type<Break[]>().notNull().default([]),
    /** The same stretch as instants (computed in the school's zone when saved). */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('round_sessions_round_idx').on(t.roundId, t.startsAt)],
);

/** Where and when someone is there in a round: per session, a wall-clock window (absent = the whole session). */
export type Availability = Array<{ sessionId: string; start: WallTime; end: WallTime }>;

/** A teacher taking part in a round: room or video link, and their own availability. */
export const roundTeachers = pgTable(
  'round_teachers',
  {
    roundId: uuid('round_id').notNull().references(() => conferenceRounds.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    room: text('room'),
    videoUrl: text('video_url'),
    /** null = every session, whole; otherwise only the windows listed. */
    availability: jsonb('availability').$type<Availability | null>(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] })],
);

/** The school's interpreters (not necessarily people who sign in): languages and a secret calendar feed. */
export const interpreters = pgTable(
  'interpreters',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    /** BCP 47 tags, e.g. ['ko'], ['ar', 'fr']. */
    languages: jsonb('languages').$type<string[]>().notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('interpreters_school_idx').on(t.schoolId)],
);

export const roundInterpreters = pgTable(
  'round_interpreters',
  {
    roundId: uuid('round_id').notNull().references(() => conferenceRounds.id, { onDelete: 'cascade' }),
    interpreterId: uuid('interpreter_id').notNull().references(() => interpreters.id, { onDelete: 'cascade' }),
    availability: jsonb('availability').$type<Availability | null>(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.interpreterId] })],
);

export type BookingStatus = 'held' | 'confirmed' | 'cancelled' | 'expired';
export type Attendee = { kind: 'guardian'; userId: string } | { kind: 'substitute'; name: string; relationship: string };

/**
 * One conference: a child, their teacher, a time, who comes. `held` while the family confirms
 * (until `holdExpiresAt`), then `confirmed`; `cancelled` and `expired` rows stay for the record.
 * Nobody is in two places at once: `booking_people` (below) carries the database's guarantee.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id').notNull().references(() => conferenceRounds.id, { onDelete: 'cascade' }),
    teacherId: uuid('teacher_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
    /** `family`, or the guardian's user id when separated guardians each have their own meeting. */
    party: text('party').notNull(),
    /** The guardian whose booking this is (the family account; an admin may book on their behalf). */
    householdUserId: uuid('household_user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** Meetings held or booked together in one go (a family's sequence). */
    groupId: uuid('group_id').notNull(),
    status: text('status').$type<BookingStatus>().notNull(),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    mode: text('mode').$type<'in_person' | 'video'>().notNull().default('in_person'),
    /** The language the meeting is held in (the family's); with an interpreter when the teacher does not speak it. */
    language: text('language').notNull(),
    interpreterId: uuid('interpreter_id').references(() => interpreters.id, { onDelete: 'set null' }),
    attendees: jsonb('attendees').$type<Attendee[]>().notNull().default([]),
    note: text('note').notNull().default(''),
    /** The family asks for time alone with the teacher afterwards. */
    privateTime: boolean('private_time').notNull().default(false),
    /** iCalendar SEQUENCE: +1 on every change the family is told of. */
    sequence: integer('sequence').notNull().default(0),
    /** The delay (minutes) the family and interpreter were last told of on conference day (0: none). */
    lateNotifiedMinutes: integer('late_notified_minutes').notNull().default(0),
    bookedBy: uuid('booked_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One meeting per child per round (per household when separated guardians book their own).
    uniqueIndex('bookings_child_once_key').on(t.roundId, t.studentId, t.party).where(sql`status in ('held', 'confirmed')`),
    index('bookings_round_teacher_idx').on(t.roundId, t.teacherId, t.startsAt),
    index('bookings_household_idx').on(t.householdUserId, t.roundId),
    index('bookings_holds_idx').on(t.roundId, t.holdExpiresAt).where(sql`status = 'held'`),
    index('bookings_group_idx').on(t.groupId),
  ],
);

/**
 * Who is in each meeting, as keys: `teacher:<id>`, `student:<id>`, `interpreter:<id>`,
 * `guardian:<userId>`, `substitute:<household>:<name>`. An exclusion constraint (migration 0007)
 * refuses two active rows of one person whose times overlap: a teacher, a child, an interpreter or
 * a family member is never booked twice at once, whatever the server processes race to do.
 */
export const bookingPeople = pgTable(
  'booking_people',
  {
    bookingId: uuid('booking_id').notNull().references(() => bookings.id, { onDelete: 'cascade' }),
    person: text('person').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.person] })],
);

/** A family waiting for a time to free up; offered one by email with a claim link that runs out. */
export const waitlistEntries = pgTable(
  'waitlist_entries',
  {
    id: id(),
    roundId: uuid('round_id').notNull().references(() => conferenceRounds.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
    householdUserId: uuid('household_user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').$type<'waiting' | 'offered' | 'booked' | 'withdrawn'>().notNull().default('waiting'),
    /** The held booking offered, while `offered`. */
    offerBookingId: uuid('offer_booking_id').references(() => bookings.id, { onDelete: 'set null' }),
    /** SHA-256 of the claim link's token. */
    offerTokenHash: text('offer_token_hash').unique(),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    note: text('note').notNull().default(''),
    /** Place in the queue: when the family joined, or when an offer to them ran out (back of the line). */
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('waitlist_waiting_key').on(t.roundId, t.studentId, t.householdUserId).where(sql`status in ('waiting', 'offered')`),
    index('waitlist_round_idx').on(t.roundId, t.status, t.queuedAt),
  ],
);

/** A secret calendar-feed URL of a teacher (user) or an interpreter. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    token: text('token').primaryKey(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    interpreterId: uuid('interpreter_id').references(() => interpreters.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('calendar_feeds_user_key').on(t.schoolId, t.userId),
    uniqueIndex('calendar_feeds_interpreter_key').on(t.interpreterId),
    check('calendar_feeds_owner', sql`(${t.userId} is null) <> (${t.interpreterId} is null)`),
  ],
);

/** Text in several languages: locale tag → words. The school's own language is always there. */
export type LocalizedText = Partial<Record<string, string>>;
/** A reflection question: one of ours (translated by the locale files) or the teacher's own words. */
export type PromptQuestion = { id: string; key: 'did_well' | 'make_better' | 'learned'; text?: undefined } | { id: string; key?: undefined; text: LocalizedText };

/** "Your best writing": how many pieces to pick for a round, and the questions to answer on each. */
export const selectionPrompts = pgTable(
  'selection_prompts',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id').notNull().references(() => conferenceRounds.id, { onDelete: 'cascade' }),
    classId: uuid('class_id').notNull().references(() => classes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    pickCount: integer('pick_count').notNull().default(1),
    questions: jsonb('questions').$type<PromptQuestion[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('selection_prompts_round_class_idx').on(t.roundId, t.classId, t.position)],
);

/** A piece a child picked for a prompt; the teacher can send its reflection back to improve. */
export const selections = pgTable(
  'selections',
  {
    id: id(),
    promptId: uuid('prompt_id').notNull().references(() => selectionPrompts.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    returnComment: text('return_comment'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnedBy: uuid('returned_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('selections_prompt_student_post_key').on(t.promptId, t.studentId, t.postId), index('selections_student_idx').on(t.studentId)],
);

/** The child's answer to one question about a picked piece: typed, recorded, or both. */
export const selectionAnswers = pgTable(
  'selection_answers',
  {
    selectionId: uuid('selection_id').notNull().references(() => selections.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    text: text('text').notNull().default(''),
    audioMediaId: uuid('audio_media_id').references(() => media.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.selectionId, t.questionId] })],
);

/** "Think pink" (a strength) and "green for growth" (a next step), against a criterion. */
export const selectionMarks = pgTable(
  'selection_marks',
  {
    selectionId: uuid('selection_id').notNull().references(() => selections.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id').notNull().references(() => criteria.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'strength' | 'next_step'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.selectionId, t.criterionId] })],
);

/** A child's preparation for a round: asking for help, the teacher's scaffolding note. */
export const preparations = pgTable(
  'preparations',
  {
    roundId: uuid('round_id').notNull().references(() => conferenceRounds.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
    /** The child pressed "I need help" (and may lower their hand again), or the teacher marked it. */
    needsHelp: boolean('needs_help').notNull().default(false),
    scaffoldingNote: text('scaffolding_note'),
    scaffoldingNoteBy: uuid('scaffolding_note_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.studentId] })],
);

/**
 * A child's goal: what, how it will be measured, the report period it targets. Carried forward at
 * the end of that period when still open: the goal is marked `carried_forward` and a new one, with
 * `previousGoalId` pointing back, targets the next period (so each report shows what it was).
 */
export const goals = pgTable(
  'goals',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
    reportPeriodId: uuid('report_period_id').references(() => reportPeriods.id, { onDelete: 'set null' }),
    /** Set at a round's conference, or its preparation. */
    roundId: uuid('round_id').references(() => conferenceRounds.id, { onDelete: 'set null' }),
    what: text('what').notNull(),
    measure: text('measure').notNull().default(''),
    status: text('status').$type<'working' | 'achieved' | 'carried_forward'>().notNull().default('working'),
    previousGoalId: uuid('previous_goal_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('goals_student_period_idx').on(t.studentId, t.reportPeriodId),
    uniqueIndex('goals_previous_key').on(t.previousGoalId),
  ],
);

/** A check-in on a goal: a note, with posts as evidence. */
export const goalCheckins = pgTable(
  'goal_checkins',
  {
    id: id(),
    goalId: uuid('goal_id').notNull().references(() => goals.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('goal_checkins_goal_idx').on(t.goalId, t.createdAt)],
);

export const goalCheckinPosts = pgTable(
  'goal_checkin_posts',
  {
    checkinId: uuid('checkin_id').notNull().references(() => goalCheckins.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.checkinId, t.postId] })],
);

/** Each stakeholder's own commitment to a goal ("I will read with her every evening"). */
export const goalCommitments = pgTable(
  'goal_commitments',
  {
    goalId: uuid('goal_id').notNull().references(() => goals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<'student' | 'teacher' | 'guardian'>().notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.userId] })],
);

// Conference day --------------------------------------------------------------------------------

export type ConferenceNote = { id: string; at: string; text: string };

/**
 * A booked conference on the day: the child leads (their agenda, the step they are on), the teacher
 * facilitates (timer, notes, attendance), and it ends with a record. One per booking, made when
 * someone first opens it; a booking moved keeps its conference.
 */
export const conferences = pgTable(
  'conferences',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    bookingId: uuid('booking_id').notNull().unique().references(() => bookings.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id').notNull().references(() => conferenceRounds.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
    teacherId: uuid('teacher_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** The teacher's order and additions; null: the agenda built from the child's preparation. */
    agenda: jsonb('agenda').$type<AgendaStep[] | null>(),
    /** The step on the child's screen (its id), so the facilitator and the family's phone follow along. */
    currentStepId: text('current_step_id'),
    status: text('status').$type<'scheduled' | 'in_progress' | 'ended'>().notNull().default('scheduled'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    attendance: text('attendance').$type<'attended' | 'no_show' | null>(),
    /** The teacher's quick notes during the conference (theirs; not in the record unless summarised). */
    notes: jsonb('notes').$type<ConferenceNote[]>().notNull().default([]),
    summary: text('summary').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    /** The latest finalised version of the record (0: not finalised yet). */
    recordVersion: integer('record_version').notNull().default(0),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('conferences_round_teacher_idx').on(t.roundId, t.teacherId), index('conferences_student_idx').on(t.studentId)],
);

/**
 * The conference record as finalised, every version kept: editing a finalised record finalises a
 * new version, and the family reads the latest. `content` is a snapshot (domain/conference/record.ts),
 * so a goal edited later does not rewrite what was agreed.
 */
export const conferenceRecords = pgTable(
  'conference_records',
  {
    conferenceId: uuid('conference_id').notNull().references(() => conferences.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    finalisedBy: uuid('finalised_by').references(() => users.id, { onDelete: 'set null' }),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.version] })],
);

/** A guardian shares a record with another adult: a read-only link that runs out and can be revoked. */
export const recordShares = pgTable(
  'record_shares',
  {
    id: id(),
    conferenceId: uuid('conference_id').notNull().references(() => conferences.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** Who it is for ("Aunt Sofia"), as the guardian wrote it. */
    recipient: text('recipient').notNull(),
    /** SHA-256 of the link's token. */
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('record_shares_conference_idx').on(t.conferenceId)],
);

/** Each time a shared link was opened. */
export const recordShareViews = pgTable(
  'record_share_views',
  {
    id: id(),
    shareId: uuid('share_id').notNull().references(() => recordShares.id, { onDelete: 'cascade' }),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('record_share_views_share_idx').on(t.shareId, t.viewedAt)],
);

/**
 * A guardian asks the teacher for private time about their child; the teacher gives a time or
 * replies. Never shown to the child.
 */
export const followupRequests = pgTable(
  'followup_requests',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    conferenceId: uuid('conference_id').notNull().references(() => conferences.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
    teacherId: uuid('teacher_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by').notNull().references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').$type<'open' | 'scheduled' | 'answered' | 'closed'>().notNull().default('open'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    place: text('place').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('followup_requests_teacher_idx').on(t.teacherId, t.status), index('followup_requests_conference_idx').on(t.conferenceId)],
);

export const followupMessages = pgTable(
  'followup_messages',
  {
    id: id(),
    requestId: uuid('request_id').notNull().references(() => followupRequests.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('followup_messages_request_idx').on(t.requestId, t.createdAt)],
);

/** "Was it worthwhile?": the child's and each guardian's reflection on a conference. */
export const conferenceSurveys = pgTable(
  'conference_surveys',
  {
    conferenceId: uuid('conference_id').notNull().references(() => conferences.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<'student' | 'guardian'>().notNull(),
    worthwhile: integer('worthwhile').notNull(),
    learned: text('learned').notNull().default(''),
    better: text('better').notNull().default(''),
    language: text('language').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.userId] }), check('conference_surveys_worthwhile', sql`${t.worthwhile} between 1 and 5`)],
);

/**
 * A family's answer in an availability round: when they can come (per session, wall-clock windows),
 * whether all their meetings must be on one evening, and a note. Which meetings they need follows
 * from their children and the round's teachers, as in self-booking. One answer per household.
 */
export const availabilityResponses = pgTable(
  'availability_responses',
  {
    id: id(),
    roundId: uuid('round_id').notNull().references(() => conferenceRounds.id, { onDelete: 'cascade' }),
    householdUserId: uuid('household_user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    windows: jsonb('windows').$type<Array<{ sessionId: string; start: WallTime; end: WallTime }>>().notNull(),
    oneEvening: boolean('one_evening').notNull().default(true),
    note: text('note').notNull().default(''),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('availability_responses_household_key').on(t.roundId, t.householdUserId)],
);

/**
 * One run of the round scheduler: the instance it solved (confer-schedule/1, ids are the round's
 * own), the solution and its measures, the meetings the admin locked, and — once published — when
 * and by whom. `running` while its job works (progress is the job's); `done`, `failed`, `published`.
 */
export const scheduleRuns = pgTable(
  'schedule_runs',
  {
    id: id(),
    roundId: uuid('round_id').notNull().references(() => conferenceRounds.id, { onDelete: 'cascade' }),
    status: text('status').$type<'running' | 'done' | 'failed' | 'published'>().notNull().default('running'),
    jobId: uuid('job_id').references(() => jobs.id, { onDelete: 'set null' }),
    seed: integer('seed').notNull(),
    seconds: integer('seconds').notNull(),
    /** The run this one re-ran (its schedule is changed as little as possible). */
    previousRunId: uuid('previous_run_id'),
    /** Request ids kept exactly where the previous run had them. */
    locked: jsonb('locked').$type<string[]>().notNull().default([]),
    instance: jsonb('instance').notNull(),
    solution: jsonb('solution'),
    measures: jsonb('measures'),
    /** Meetings of the previous run placed elsewhere in this one. */
    moved: integer('moved'),
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('schedule_runs_round_idx').on(t.roundId, t.createdAt),
    foreignKey({ columns: [t.previousRunId], foreignColumns: [t.id] }).onDelete('set null'),
  ],
);

export const schema = {
  availabilityResponses,
  scheduleRuns,
  schools,
  users,
  staffMemberships,
  students,
  guardians,
  guardianStudents,
  classes,
  classTeachers,
  enrollments,
  terms,
  reportPeriods,
  sessions,
  signInTokens,
  signInAttempts,
  jobs,
  rosterSources,
  rosterImports,
  invitations,
  mailOutbox,
  portfolioTags,
  media,
  posts,
  postItems,
  postTags,
  postComments,
  criteriaLists,
  criteria,
  postCriteria,
  standardFrameworks,
  standardItems,
  standardAssociations,
  criterionStandards,
  postStandards,
  conferenceRounds,
  roundClasses,
  roundSessions,
  roundTeachers,
  interpreters,
  roundInterpreters,
  bookings,
  bookingPeople,
  waitlistEntries,
  calendarFeeds,
  selectionPrompts,
  selections,
  selectionAnswers,
  selectionMarks,
  preparations,
  goals,
  goalCheckins,
  goalCheckinPosts,
  goalCommitments,
  conferences,
  conferenceRecords,
  recordShares,
  recordShareViews,
  followupRequests,
  followupMessages,
  conferenceSurveys,
};


// Pupil conferencing ------------------------------------------------------------------------------

/**
 * An older pupil who conferences a younger one (or a peer): while the pairing lasts, the
 * conferencer sees only the pieces of the partner's work the teacher chose for it, and writes
 * peer-conference notes the partner's teacher reviews before anyone else sees them.
 */
export const conferencePairings = pgTable(
  'conference_pairings',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    conferencerId: uuid('conferencer_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('conference_pairings_conferencer_idx').on(t.conferencerId),
    index('conference_pairings_partner_idx').on(t.partnerId),
    uniqueIndex('conference_pairings_active_key').on(t.conferencerId, t.partnerId).where(sql`${t.endedAt} is null`),
    check('conference_pairings_not_self', sql`${t.conferencerId} <> ${t.partnerId}`),
  ],
);

/** The pieces of the partner's work a pairing shows the conferencer. */
export const pairingPosts = pgTable(
  'pairing_posts',
  {
    pairingId: uuid('pairing_id').notNull().references(() => conferencePairings.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.pairingId, t.postId] }), index('pairing_posts_post_idx').on(t.postId)],
);

/** "I want to talk about my maths": a child asks for a conference; their teacher triages it. */
export const conferenceRequests = pgTable(
  'conference_requests',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
    /** The class whose queue it waits in. */
    classId: uuid('class_id').references(() => classes.id, { onDelete: 'set null' }),
    about: text('about').notNull().default(''),
    audioMediaId: uuid('audio_media_id').references(() => media.id, { onDelete: 'set null' }),
    status: text('status').$type<'open' | 'scheduled' | 'paired' | 'replied' | 'done'>().notNull().default('open'),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
    reply: text('reply').notNull().default(''),
    pairingId: uuid('pairing_id').references(() => conferencePairings.id, { onDelete: 'set null' }),
    /** The conference that answered it. */
    conferenceId: uuid('conference_id'),
    handledBy: uuid('handled_by').references(() => users.id, { onDelete: 'set null' }),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('conference_requests_class_status_idx').on(t.classId, t.status), index('conference_requests_student_idx').on(t.studentId, t.createdAt)],
);

/**
 * One child's pupil conference in the log (domain/conferencing/log.ts): a group conference is one
 * row per child sharing a `groupId`. Staff notes are published at once; a pupil conferencer's note
 * waits for the partner's teacher.
 */
export const pupilConferences = pgTable(
  'pupil_conferences',
  {
    id: id(),
    schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id').notNull().references(() => students.id, { onDelete: 'cascade' }),
    classId: uuid('class_id').references(() => classes.id, { onDelete: 'set null' }),
    groupId: uuid('group_id'),
    type: text('type').$type<'one_to_one' | 'peer' | 'group' | 'cross_age' | 'early_years'>().notNull(),
    /** The stage's name when it was held (stages can be renamed later). */
    stage: text('stage'),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    subject: text('subject').notNull().default(''),
    focus: text('focus').notNull().default(''),
    /** The child's own words, typed (by them or for them) and/or recorded. */
    childWords: text('child_words').notNull().default(''),
    childWordsAudioId: uuid('child_words_audio_id').references(() => media.id, { onDelete: 'set null' }),
    /** The picture the conference started from: a photo from the portfolio, or one taken there and then. */
    stimulusPostId: uuid('stimulus_post_id').references(() => posts.id, { onDelete: 'set null' }),
    stimulusMediaId: uuid('stimulus_media_id').references(() => media.id, { onDelete: 'set null' }),
    strengths: text('strengths').notNull().default(''),
    barriers: text('barriers').notNull().default(''),
    followUpOn: date('follow_up_on', { mode: 'string' }),
    status: text('status').$type<'pending' | 'returned' | 'published'>().notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorRole: text('author_role').$type<'staff' | 'pupil'>().notNull(),
    pairingId: uuid('pairing_id').references(() => conferencePairings.id, { onDelete: 'set null' }),
    requestId: uuid('request_id').references(() => conferenceRequests.id, { onDelete: 'set null' }),
    reviewComment: text('review_comment'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pupil_conferences_student_idx').on(t.studentId, t.heldOn),
    index('pupil_conferences_follow_up_idx').on(t.schoolId, t.followUpOn),
    index('pupil_conferences_pairing_idx').on(t.pairingId),
  ],
);

/** Who conferenced: the teacher, a teaching assistant, or pupils (an older child, a peer). */
export const pupilConferencePeople = pgTable(
  'pupil_conference_people',
  {
    conferenceId: uuid('conference_id').notNull().references(() => pupilConferences.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<'teacher' | 'assistant' | 'pupil'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.userId] })],
);

/** An agreed next step: what, whose it is, by when; it can become one of the child's goals. */
export const pupilConferenceSteps = pgTable(
  'pupil_conference_steps',
  {
    id: id(),
    conferenceId: uuid('conference_id').notNull().references(() => pupilConferences.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    owner: text('owner').$type<'child' | 'teacher' | 'assistant' | 'family' | 'conferencer'>().notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    goalId: uuid('goal_id').references(() => goals.id, { onDelete: 'set null' }),
  },
  (t) => [index('pupil_conference_steps_conference_idx').on(t.conferenceId, t.position)],
);

export const pupilConferencePosts = pgTable(
  'pupil_conference_posts',
  {
    conferenceId: uuid('conference_id').notNull().references(() => pupilConferences.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.postId] })],
);

export const pupilConferenceGoals = pgTable(
  'pupil_conference_goals',
  {
    conferenceId: uuid('conference_id').notNull().references(() => pupilConferences.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id').notNull().references(() => goals.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.goalId] })],
);
