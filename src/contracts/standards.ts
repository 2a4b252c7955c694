/** API shapes: CASE standards frameworks: import, browse, search, the school's own; linking to criteria and posts. */
export {};
