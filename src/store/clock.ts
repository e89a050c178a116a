/**
 * The time a store stamps on what it writes (a mention's first_seen and last_seen, a
 * cursor's updated_at, an analysis's analyzed_at, which tells which model scored last). The wall clock by default; tests pass their own, so no test
 * waits for the clock to move.
 */
export type StoreClock = () => Date;

export const wallClock: StoreClock = () => new Date();
