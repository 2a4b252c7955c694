/** Every job kind the runner knows. A new job definition is added here. */
import type { z } from 'zod';
import { sendSignInLinkJob } from '../features/identity/request-sign-in-link';
import type { JobDefinition } from './runner';

export const jobDefinitions: ReadonlyArray<JobDefinition<z.ZodType>> = [sendSignInLinkJob as unknown as JobDefinition<z.ZodType>];
