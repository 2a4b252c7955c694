/** The school's standards frameworks: import a CASE package, browse the tree, search, write the school's own. */
import { Route, Routes } from 'react-router';

/** Everything under /school/standards (descendant routes, loaded when first opened). */
export function StandardsArea() {
  return (
    <Routes>
      <Route index element={null} />
    </Routes>
  );
}
