CREATE TABLE "conference_pairings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"conferencer_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "conference_pairings_not_self" CHECK ("conference_pairings"."conferencer_id" <> "conference_pairings"."partner_id")
);
--> statement-breakpoint
CREATE TABLE "conference_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"class_id" uuid,
	"about" text DEFAULT '' NOT NULL,
	"audio_media_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"scheduled_for" timestamp with time zone,
	"reply" text DEFAULT '' NOT NULL,
	"pairing_id" uuid,
	"conference_id" uuid,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairing_posts" (
	"pairing_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "pairing_posts_pairing_id_post_id_pk" PRIMARY KEY("pairing_id","post_id")
);
--> statement-breakpoint
CREATE TABLE "pupil_conference_goals" (
	"conference_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "pupil_conference_goals_conference_id_goal_id_pk" PRIMARY KEY("conference_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "pupil_conference_people" (
	"conference_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "pupil_conference_people_conference_id_user_id_pk" PRIMARY KEY("conference_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "pupil_conference_posts" (
	"conference_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	CONSTRAINT "pupil_conference_posts_conference_id_post_id_pk" PRIMARY KEY("conference_id","post_id")
);
--> statement-breakpoint
CREATE TABLE "pupil_conference_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date,
	"done_at" timestamp with time zone,
	"goal_id" uuid
);
--> statement-breakpoint
CREATE TABLE "pupil_conferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"class_id" uuid,
	"group_id" uuid,
	"type" text NOT NULL,
	"stage" text,
	"held_on" date NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"focus" text DEFAULT '' NOT NULL,
	"child_words" text DEFAULT '' NOT NULL,
	"child_words_audio_id" uuid,
	"stimulus_post_id" uuid,
	"stimulus_media_id" uuid,
	"strengths" text DEFAULT '' NOT NULL,
	"barriers" text DEFAULT '' NOT NULL,
	"follow_up_on" date,
	"status" text NOT NULL,
	"author_id" uuid,
	"author_role" text NOT NULL,
	"pairing_id" uuid,
	"request_id" uuid,
	"review_comment" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "conference_stages" jsonb;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "families_read_pupil_conferences" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_pairings" ADD CONSTRAINT "conference_pairings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_pairings" ADD CONSTRAINT "conference_pairings_conferencer_id_students_id_fk" FOREIGN KEY ("conferencer_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_pairings" ADD CONSTRAINT "conference_pairings_partner_id_students_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_pairings" ADD CONSTRAINT "conference_pairings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_requests" ADD CONSTRAINT "conference_requests_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_requests" ADD CONSTRAINT "conference_requests_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_requests" ADD CONSTRAINT "conference_requests_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_requests" ADD CONSTRAINT "conference_requests_audio_media_id_media_id_fk" FOREIGN KEY ("audio_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_requests" ADD CONSTRAINT "conference_requests_pairing_id_conference_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."conference_pairings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_requests" ADD CONSTRAINT "conference_requests_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_posts" ADD CONSTRAINT "pairing_posts_pairing_id_conference_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."conference_pairings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_posts" ADD CONSTRAINT "pairing_posts_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conference_goals" ADD CONSTRAINT "pupil_conference_goals_conference_id_pupil_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."pupil_conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conference_goals" ADD CONSTRAINT "pupil_conference_goals_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conference_people" ADD CONSTRAINT "pupil_conference_people_conference_id_pupil_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."pupil_conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conference_people" ADD CONSTRAINT "pupil_conference_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conference_posts" ADD CONSTRAINT "pupil_conference_posts_conference_id_pupil_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."pupil_conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conference_posts" ADD CONSTRAINT "pupil_conference_posts_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conference_steps" ADD CONSTRAINT "pupil_conference_steps_conference_id_pupil_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."pupil_conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conference_steps" ADD CONSTRAINT "pupil_conference_steps_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conferences" ADD CONSTRAINT "pupil_conferences_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conferences" ADD CONSTRAINT "pupil_conferences_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conferences" ADD CONSTRAINT "pupil_conferences_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conferences" ADD CONSTRAINT "pupil_conferences_child_words_audio_id_media_id_fk" FOREIGN KEY ("child_words_audio_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conferences" ADD CONSTRAINT "pupil_conferences_stimulus_post_id_posts_id_fk" FOREIGN KEY ("stimulus_post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conferences" ADD CONSTRAINT "pupil_conferences_stimulus_media_id_media_id_fk" FOREIGN KEY ("stimulus_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conferences" ADD CONSTRAINT "pupil_conferences_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conferences" ADD CONSTRAINT "pupil_conferences_pairing_id_conference_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."conference_pairings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conferences" ADD CONSTRAINT "pupil_conferences_request_id_conference_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."conference_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_conferences" ADD CONSTRAINT "pupil_conferences_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conference_pairings_conferencer_idx" ON "conference_pairings" USING btree ("conferencer_id");--> statement-breakpoint
CREATE INDEX "conference_pairings_partner_idx" ON "conference_pairings" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_pairings_active_key" ON "conference_pairings" USING btree ("conferencer_id","partner_id") WHERE "conference_pairings"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "conference_requests_class_status_idx" ON "conference_requests" USING btree ("class_id","status");--> statement-breakpoint
CREATE INDEX "conference_requests_student_idx" ON "conference_requests" USING btree ("student_id","created_at");--> statement-breakpoint
CREATE INDEX "pairing_posts_post_idx" ON "pairing_posts" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "pupil_conference_steps_conference_idx" ON "pupil_conference_steps" USING btree ("conference_id","position");--> statement-breakpoint
CREATE INDEX "pupil_conferences_student_idx" ON "pupil_conferences" USING btree ("student_id","held_on");--> statement-breakpoint
CREATE INDEX "pupil_conferences_follow_up_idx" ON "pupil_conferences" USING btree ("school_id","follow_up_on");--> statement-breakpoint
CREATE INDEX "pupil_conferences_pairing_idx" ON "pupil_conferences" USING btree ("pairing_id");