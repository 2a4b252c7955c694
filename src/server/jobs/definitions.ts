/** Every job kind the runner knows. A new job definition is added here. */
import type { z } from 'zod';
import { sendSignInLinkJob } from '../features/identity/request-sign-in-link';
import { sendInvitationJob } from '../features/invitations/invite-families';
import { applyRosterImportJob, planRosterImportJob } from '../features/roster/roster-import';
import { processMediaJob } from '../features/media/process-media';
import { portfolioDigestJob } from '../features/portfolio/portfolio-digest';
import { carryForwardGoalsJob } from '../features/goals/carry-forward-goals';
import { bookingMailJob, releaseHoldJob } from '../features/booking/notify';
import { expireOfferJob, offerFreedSlotJob, waitlistOfferMailJob } from '../features/booking/waitlist';
import { nudgeFamilyJob } from '../features/booking/staff';
import { lateNoticeJob, lateRecheckJob } from '../features/conference/late';
import { surveyInvitationJob } from '../features/conference/surveys';
import { followupMailJob } from '../features/conference/followup';
import { scheduleRunJob } from '../features/scheduling/schedule-round';
import type { JobDefinition } from './runner';

export const jobDefinitions = [sendSignInLinkJob, planRosterImportJob, applyRosterImportJob, sendInvitationJob, processMediaJob, portfolioDigestJob, carryForwardGoalsJob, bookingMailJob, releaseHoldJob, offerFreedSlotJob, waitlistOfferMailJob, expireOfferJob, nudgeFamilyJob, lateNoticeJob, lateRecheckJob, surveyInvitationJob, followupMailJob, scheduleRunJob] as unknown as ReadonlyArray<JobDefinition<z.ZodType>>;
