export function volumes(ctx: unknown) { return {}; }
