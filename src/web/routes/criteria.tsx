/** A class's success-criteria lists (anchor charts): write them, share them with the year group, copy them. */
import { Route, Routes } from 'react-router';

/** Everything under /classes/:id/criteria (descendant routes, loaded when first opened). */
export function CriteriaArea() {
  return (
    <Routes>
      <Route index element={null} />
    </Routes>
  );
}
