export function quotas(ctx: unknown) { return {}; }
