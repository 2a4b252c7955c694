CREATE TABLE "conference_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"report_period_id" uuid,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"wording" text NOT NULL,
	"picture" text,
	"image_media_id" uuid,
	"audio_media_id" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criteria_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"class_id" uuid,
	"year_group" text,
	"subject_tag_id" uuid,
	"title" text NOT NULL,
	"copied_from_id" uuid,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "criteria_lists_scope_check" CHECK (("criteria_lists"."class_id" is null) <> ("criteria_lists"."year_group" is null))
);
--> statement-breakpoint
CREATE TABLE "criterion_standards" (
	"criterion_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"item_identifier" text NOT NULL,
	CONSTRAINT "criterion_standards_criterion_id_item_identifier_pk" PRIMARY KEY("criterion_id","item_identifier")
);
--> statement-breakpoint
CREATE TABLE "goal_checkin_posts" (
	"checkin_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	CONSTRAINT "goal_checkin_posts_checkin_id_post_id_pk" PRIMARY KEY("checkin_id","post_id")
);
--> statement-breakpoint
CREATE TABLE "goal_checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"author_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_commitments" (
	"goal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_commitments_goal_id_user_id_pk" PRIMARY KEY("goal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"report_period_id" uuid,
	"round_id" uuid,
	"what" text NOT NULL,
	"measure" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'working' NOT NULL,
	"previous_goal_id" uuid,
	"created_by" uuid,
	"status_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_criteria" (
	"post_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"tagged_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_criteria_post_id_criterion_id_pk" PRIMARY KEY("post_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "post_standards" (
	"post_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"item_identifier" text NOT NULL,
	"tagged_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "post_standards_post_id_item_identifier_pk" PRIMARY KEY("post_id","item_identifier")
);
--> statement-breakpoint
CREATE TABLE "preparations" (
	"round_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"needs_help" boolean DEFAULT false NOT NULL,
	"scaffolding_note" text,
	"scaffolding_note_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "preparations_round_id_student_id_pk" PRIMARY KEY("round_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "selection_answers" (
	"selection_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"audio_media_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "selection_answers_selection_id_question_id_pk" PRIMARY KEY("selection_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "selection_marks" (
	"selection_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "selection_marks_selection_id_criterion_id_pk" PRIMARY KEY("selection_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "selection_prompts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"pick_count" integer DEFAULT 1 NOT NULL,
	"questions" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prompt_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"return_comment" text,
	"returned_at" timestamp with time zone,
	"returned_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standard_associations" (
	"school_id" uuid NOT NULL,
	"identifier" text NOT NULL,
	"framework_identifier" text NOT NULL,
	"association_type" text NOT NULL,
	"origin_identifier" text NOT NULL,
	"destination_identifier" text NOT NULL,
	"sequence_number" integer,
	"association" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "standard_associations_school_id_identifier_pk" PRIMARY KEY("school_id","identifier")
);
--> statement-breakpoint
CREATE TABLE "standard_frameworks" (
	"school_id" uuid NOT NULL,
	"identifier" text NOT NULL,
	"uri" text,
	"title" text NOT NULL,
	"creator" text,
	"source" text NOT NULL,
	"case_version" text,
	"last_change_date_time" text,
	"document" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"imported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "standard_frameworks_school_id_identifier_pk" PRIMARY KEY("school_id","identifier")
);
--> statement-breakpoint
CREATE TABLE "standard_items" (
	"school_id" uuid NOT NULL,
	"identifier" text NOT NULL,
	"framework_identifier" text NOT NULL,
	"uri" text,
	"full_statement" text NOT NULL,
	"abbreviated_statement" text,
	"human_coding_scheme" text,
	"list_enumeration" text,
	"item_type" text,
	"education_level" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"language" text,
	"parent_identifier" text,
	"position" integer NOT NULL,
	"depth" integer NOT NULL,
	"removed_at" timestamp with time zone,
	"item" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "standard_items_school_id_identifier_pk" PRIMARY KEY("school_id","identifier")
);
--> statement-breakpoint
ALTER TABLE "conference_rounds" ADD CONSTRAINT "conference_rounds_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_rounds" ADD CONSTRAINT "conference_rounds_report_period_id_report_periods_id_fk" FOREIGN KEY ("report_period_id") REFERENCES "public"."report_periods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_rounds" ADD CONSTRAINT "conference_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_list_id_criteria_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."criteria_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_image_media_id_media_id_fk" FOREIGN KEY ("image_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_audio_media_id_media_id_fk" FOREIGN KEY ("audio_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_lists" ADD CONSTRAINT "criteria_lists_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_lists" ADD CONSTRAINT "criteria_lists_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_lists" ADD CONSTRAINT "criteria_lists_subject_tag_id_portfolio_tags_id_fk" FOREIGN KEY ("subject_tag_id") REFERENCES "public"."portfolio_tags"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_lists" ADD CONSTRAINT "criteria_lists_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criterion_standards" ADD CONSTRAINT "criterion_standards_criterion_id_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criterion_standards" ADD CONSTRAINT "criterion_standards_school_id_item_identifier_standard_items_school_id_identifier_fk" FOREIGN KEY ("school_id","item_identifier") REFERENCES "public"."standard_items"("school_id","identifier") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_checkin_posts" ADD CONSTRAINT "goal_checkin_posts_checkin_id_goal_checkins_id_fk" FOREIGN KEY ("checkin_id") REFERENCES "public"."goal_checkins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_checkin_posts" ADD CONSTRAINT "goal_checkin_posts_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_checkins" ADD CONSTRAINT "goal_checkins_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_checkins" ADD CONSTRAINT "goal_checkins_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_commitments" ADD CONSTRAINT "goal_commitments_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_commitments" ADD CONSTRAINT "goal_commitments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_report_period_id_report_periods_id_fk" FOREIGN KEY ("report_period_id") REFERENCES "public"."report_periods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_round_id_conference_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."conference_rounds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_criteria" ADD CONSTRAINT "post_criteria_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_criteria" ADD CONSTRAINT "post_criteria_criterion_id_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_criteria" ADD CONSTRAINT "post_criteria_tagged_by_users_id_fk" FOREIGN KEY ("tagged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_standards" ADD CONSTRAINT "post_standards_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_standards" ADD CONSTRAINT "post_standards_tagged_by_users_id_fk" FOREIGN KEY ("tagged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_standards" ADD CONSTRAINT "post_standards_school_id_item_identifier_standard_items_school_id_identifier_fk" FOREIGN KEY ("school_id","item_identifier") REFERENCES "public"."standard_items"("school_id","identifier") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preparations" ADD CONSTRAINT "preparations_round_id_conference_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."conference_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preparations" ADD CONSTRAINT "preparations_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preparations" ADD CONSTRAINT "preparations_scaffolding_note_by_users_id_fk" FOREIGN KEY ("scaffolding_note_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_answers" ADD CONSTRAINT "selection_answers_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_answers" ADD CONSTRAINT "selection_answers_audio_media_id_media_id_fk" FOREIGN KEY ("audio_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_marks" ADD CONSTRAINT "selection_marks_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_marks" ADD CONSTRAINT "selection_marks_criterion_id_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_prompts" ADD CONSTRAINT "selection_prompts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_prompts" ADD CONSTRAINT "selection_prompts_round_id_conference_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."conference_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_prompts" ADD CONSTRAINT "selection_prompts_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_prompts" ADD CONSTRAINT "selection_prompts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selections" ADD CONSTRAINT "selections_prompt_id_selection_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."selection_prompts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selections" ADD CONSTRAINT "selections_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selections" ADD CONSTRAINT "selections_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selections" ADD CONSTRAINT "selections_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_associations" ADD CONSTRAINT "standard_associations_school_id_framework_identifier_standard_frameworks_school_id_identifier_fk" FOREIGN KEY ("school_id","framework_identifier") REFERENCES "public"."standard_frameworks"("school_id","identifier") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_frameworks" ADD CONSTRAINT "standard_frameworks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_frameworks" ADD CONSTRAINT "standard_frameworks_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_items" ADD CONSTRAINT "standard_items_school_id_framework_identifier_standard_frameworks_school_id_identifier_fk" FOREIGN KEY ("school_id","framework_identifier") REFERENCES "public"."standard_frameworks"("school_id","identifier") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conference_rounds_school_idx" ON "conference_rounds" USING btree ("school_id","starts_on");--> statement-breakpoint
CREATE INDEX "criteria_list_idx" ON "criteria" USING btree ("list_id","position");--> statement-breakpoint
CREATE INDEX "criteria_lists_class_idx" ON "criteria_lists" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "criteria_lists_school_year_group_idx" ON "criteria_lists" USING btree ("school_id","year_group");--> statement-breakpoint
CREATE INDEX "goal_checkins_goal_idx" ON "goal_checkins" USING btree ("goal_id","created_at");--> statement-breakpoint
CREATE INDEX "goals_student_period_idx" ON "goals" USING btree ("student_id","report_period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "goals_previous_key" ON "goals" USING btree ("previous_goal_id");--> statement-breakpoint
CREATE INDEX "post_criteria_criterion_idx" ON "post_criteria" USING btree ("criterion_id");--> statement-breakpoint
CREATE INDEX "post_standards_item_idx" ON "post_standards" USING btree ("school_id","item_identifier");--> statement-breakpoint
CREATE INDEX "selection_prompts_round_class_idx" ON "selection_prompts" USING btree ("round_id","class_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "selections_prompt_student_post_key" ON "selections" USING btree ("prompt_id","student_id","post_id");--> statement-breakpoint
CREATE INDEX "selections_student_idx" ON "selections" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "standard_associations_origin_idx" ON "standard_associations" USING btree ("school_id","origin_identifier");--> statement-breakpoint
CREATE INDEX "standard_items_framework_idx" ON "standard_items" USING btree ("school_id","framework_identifier","position");