/**
 * "Was it worthwhile?" (being written): called once a conference has ended.
 */
import type { Deps } from '../../deps';

export async function conferenceEnded(_deps: Deps, _conferenceId: string): Promise<void> {}
