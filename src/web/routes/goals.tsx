/** A child's goals: set, check in, commit; the goal page of a report period (screen and print). */
import { Route, Routes } from 'react-router';

/** Everything under /students/:id/goals (descendant routes, loaded when first opened). */
export function GoalsArea() {
  return (
    <Routes>
      <Route index element={null} />
    </Routes>
  );
}
