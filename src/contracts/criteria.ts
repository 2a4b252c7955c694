/** API shapes: Success-criteria lists (anchor charts) and ticking criteria on work. */
export {};
