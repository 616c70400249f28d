export function images(ctx: unknown) { return {}; }
