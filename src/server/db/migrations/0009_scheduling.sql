CREATE TABLE "availability_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"household_user_id" uuid NOT NULL,
	"windows" jsonb NOT NULL,
	"one_evening" boolean DEFAULT true NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"submitted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"job_id" uuid,
	"seed" integer NOT NULL,
	"seconds" integer NOT NULL,
	"previous_run_id" uuid,
	"locked" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"instance" jsonb NOT NULL,
	"solution" jsonb,
	"measures" jsonb,
	"moved" integer,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_by" uuid
);
--> statement-breakpoint
ALTER TABLE "conference_rounds" ADD COLUMN "booking_mode" text DEFAULT 'self' NOT NULL;--> statement-breakpoint
ALTER TABLE "availability_responses" ADD CONSTRAINT "availability_responses_round_id_conference_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."conference_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_responses" ADD CONSTRAINT "availability_responses_household_user_id_users_id_fk" FOREIGN KEY ("household_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_responses" ADD CONSTRAINT "availability_responses_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_runs" ADD CONSTRAINT "schedule_runs_round_id_conference_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."conference_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_runs" ADD CONSTRAINT "schedule_runs_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_runs" ADD CONSTRAINT "schedule_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_runs" ADD CONSTRAINT "schedule_runs_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_runs" ADD CONSTRAINT "schedule_runs_previous_run_id_schedule_runs_id_fk" FOREIGN KEY ("previous_run_id") REFERENCES "public"."schedule_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "availability_responses_household_key" ON "availability_responses" USING btree ("round_id","household_user_id");--> statement-breakpoint
CREATE INDEX "schedule_runs_round_idx" ON "schedule_runs" USING btree ("round_id","created_at");