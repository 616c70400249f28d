export function certificates(ctx: unknown) { return {}; }
