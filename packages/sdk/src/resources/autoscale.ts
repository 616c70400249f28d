export function autoscale(ctx: unknown) { return {}; }
