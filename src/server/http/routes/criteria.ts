/** Success-criteria lists (anchor charts) and ticking criteria on work. Thin: parse → use case. */
import type { Deps } from '../../deps';
import type { TypedApp } from '../app';

export function registerCriteriaRoutes(app: TypedApp, deps: Deps): void {
  void app;
  void deps;
}
