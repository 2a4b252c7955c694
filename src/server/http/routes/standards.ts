/** CASE standards frameworks: import, browse, search, the school's own; linking to criteria and posts. Thin: parse → use case. */
import type { Deps } from '../../deps';
import type { TypedApp } from '../app';

export function registerStandardsRoutes(app: TypedApp, deps: Deps): void {
  void app;
  void deps;
}
