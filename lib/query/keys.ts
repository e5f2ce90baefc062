// The one key factory: every query key in the app comes from here, so invalidation stays predictable.
export const queryKeys = {
  all: ['levelboard'] as const,
  fleet: () => [...queryKeys.all, 'fleet'] as const,
  fleetSummary: () => [...queryKeys.fleet(), 'summary'] as const,
};
