export function serviceGroups(ctx: unknown) { return {}; }
