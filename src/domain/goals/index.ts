/** Goals and commitments (see each file): the life cycle, target periods, carry-forward, who writes which commitment. */
export * from './carry-forward';
export * from './commitments';
export * from './goals';
export * from './periods';
