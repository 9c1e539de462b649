// The option lists the schema types use. They live in the shared vocabulary module (plain data,
// no `sanity` import), which the SDK reads too, so the two cannot drift apart.
export * from '@spotter/vocabulary'
