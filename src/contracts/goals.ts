/** API shapes: Goals, check-ins, commitments, carry-forward and the goal page. */
export {};
