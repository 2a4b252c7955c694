/** Goals, check-ins, commitments, carry-forward and the goal page. Thin: parse → use case. */
import type { Deps } from '../../deps';
import type { TypedApp } from '../app';

export function registerGoalsRoutes(app: TypedApp, deps: Deps): void {
  void app;
  void deps;
}
