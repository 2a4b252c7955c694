/** API shapes: Conference rounds (minimal), selection prompts, the child's picks and reflections, the readiness board. */
export {};
