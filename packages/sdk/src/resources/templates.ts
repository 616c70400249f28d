export function templates(ctx: unknown) { return {}; }
