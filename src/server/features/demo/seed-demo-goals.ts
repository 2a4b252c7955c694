/** The demo school's goals (see src/domain/demo/). */
import type { DemoSchool } from '../../../domain/demo/demo-school';
import type { Deps } from '../../deps';
import type { DemoIds } from './seed-demo-portfolio';

export async function seedDemoGoals(deps: Pick<Deps, 'db' | 'media' | 'now'>, demo: DemoSchool, ids: DemoIds): Promise<void> {
  void deps;
  void demo;
  void ids;
}
