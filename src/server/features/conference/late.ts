/**
 * Running late (being written): called after a conference of `teacherId` starts, ends, or changes
 * attendance, so the expected times of everyone after it are re-read by their live pages.
 */
import type { Deps } from '../../deps';
import { topics } from '../../live/topics';

export async function dayChanged(deps: Deps, teacherId: string): Promise<void> {
  deps.live.publish(topics.teacherDay(teacherId));
}
