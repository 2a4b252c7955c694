/** Conference rounds (minimal), selection prompts, the child's picks and reflections, the readiness board. Thin: parse → use case. */
import type { Deps } from '../../deps';
import type { TypedApp } from '../app';

export function registerPreparationRoutes(app: TypedApp, deps: Deps): void {
  void app;
  void deps;
}
