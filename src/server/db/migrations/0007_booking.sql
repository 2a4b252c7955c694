CREATE TABLE "booking_people" (
	"booking_id" uuid NOT NULL,
	"person" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "booking_people_booking_id_person_pk" PRIMARY KEY("booking_id","person")
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"party" text NOT NULL,
	"household_user_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"status" text NOT NULL,
	"hold_expires_at" timestamp with time zone,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"mode" text DEFAULT 'in_person' NOT NULL,
	"language" text NOT NULL,
	"interpreter_id" uuid,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"private_time" boolean DEFAULT false NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"booked_by" uuid,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"token" text PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"user_id" uuid,
	"interpreter_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_owner" CHECK (("calendar_feeds"."user_id" is null) <> ("calendar_feeds"."interpreter_id" is null))
);
--> statement-breakpoint
CREATE TABLE "interpreters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"languages" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_classes" (
	"round_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	CONSTRAINT "round_classes_round_id_class_id_pk" PRIMARY KEY("round_id","class_id")
);
--> statement-breakpoint
CREATE TABLE "round_interpreters" (
	"round_id" uuid NOT NULL,
	"interpreter_id" uuid NOT NULL,
	"availability" jsonb,
	CONSTRAINT "round_interpreters_round_id_interpreter_id_pk" PRIMARY KEY("round_id","interpreter_id")
);
--> statement-breakpoint
CREATE TABLE "round_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_teachers" (
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"room" text,
	"video_url" text,
	"availability" jsonb,
	CONSTRAINT "round_teachers_round_id_user_id_pk" PRIMARY KEY("round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "waitlist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"household_user_id" uuid NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"offer_booking_id" uuid,
	"offer_token_hash" text,
	"offer_expires_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_entries_offer_token_hash_unique" UNIQUE("offer_token_hash")
);
--> statement-breakpoint
ALTER TABLE "conference_rounds" ADD COLUMN "slot_minutes" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_rounds" ADD COLUMN "buffer_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_rounds" ADD COLUMN "walk_minutes" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_rounds" ADD COLUMN "hold_minutes" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_rounds" ADD COLUMN "booking_opens_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conference_rounds" ADD COLUMN "booking_closes_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conference_rounds" ADD COLUMN "change_cutoff_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_rounds" ADD COLUMN "separated_guardians" text DEFAULT 'separate' NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_rounds" ADD COLUMN "allow_video" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "guardians" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "spoken_languages" jsonb;--> statement-breakpoint
ALTER TABLE "booking_people" ADD CONSTRAINT "booking_people_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_round_id_conference_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."conference_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_household_user_id_users_id_fk" FOREIGN KEY ("household_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_interpreter_id_interpreters_id_fk" FOREIGN KEY ("interpreter_id") REFERENCES "public"."interpreters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_interpreter_id_interpreters_id_fk" FOREIGN KEY ("interpreter_id") REFERENCES "public"."interpreters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreters" ADD CONSTRAINT "interpreters_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_classes" ADD CONSTRAINT "round_classes_round_id_conference_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."conference_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_classes" ADD CONSTRAINT "round_classes_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_interpreters" ADD CONSTRAINT "round_interpreters_round_id_conference_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."conference_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_interpreters" ADD CONSTRAINT "round_interpreters_interpreter_id_interpreters_id_fk" FOREIGN KEY ("interpreter_id") REFERENCES "public"."interpreters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_sessions" ADD CONSTRAINT "round_sessions_round_id_conference_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."conference_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_teachers" ADD CONSTRAINT "round_teachers_round_id_conference_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."conference_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_teachers" ADD CONSTRAINT "round_teachers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_round_id_conference_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."conference_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_household_user_id_users_id_fk" FOREIGN KEY ("household_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_offer_booking_id_bookings_id_fk" FOREIGN KEY ("offer_booking_id") REFERENCES "public"."bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_child_once_key" ON "bookings" USING btree ("round_id","student_id","party") WHERE status in ('held', 'confirmed');--> statement-breakpoint
CREATE INDEX "bookings_round_teacher_idx" ON "bookings" USING btree ("round_id","teacher_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_household_idx" ON "bookings" USING btree ("household_user_id","round_id");--> statement-breakpoint
CREATE INDEX "bookings_holds_idx" ON "bookings" USING btree ("round_id","hold_expires_at") WHERE status = 'held';--> statement-breakpoint
CREATE INDEX "bookings_group_idx" ON "bookings" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_user_key" ON "calendar_feeds" USING btree ("school_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_interpreter_key" ON "calendar_feeds" USING btree ("interpreter_id");--> statement-breakpoint
CREATE INDEX "interpreters_school_idx" ON "interpreters" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "round_sessions_round_idx" ON "round_sessions" USING btree ("round_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_waiting_key" ON "waitlist_entries" USING btree ("round_id","student_id","household_user_id") WHERE status in ('waiting', 'offered');--> statement-breakpoint
CREATE INDEX "waitlist_round_idx" ON "waitlist_entries" USING btree ("round_id","status","queued_at");--> statement-breakpoint
-- Nobody is in two meetings at once. Written by hand: drizzle-kit has no EXCLUDE constraints.
-- btree_gist gives GiST the text equality the constraint pairs with the time ranges' overlap.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "booking_people" ADD CONSTRAINT "booking_people_no_overlap" EXCLUDE USING gist ("person" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("active");--> statement-breakpoint
ALTER TABLE "booking_people" ADD CONSTRAINT "booking_people_times" CHECK ("ends_at" > "starts_at");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_times" CHECK ("ends_at" > "starts_at");
