/**
 * Creates, checked before sending and reconciled after a lost answer. A create is never retried
 * once it may have reached the server; when its answer is lost that way and the caller gave a
 * name, the name is looked up once, so the caller gets the resource or a clear "not created"
 * (after a timeout, a create not found yet may still be running: the error says so).
 */
import { APIConnectionError, APITimeoutError, NotFoundError } from "../core/errors.js";
import type { Ref } from "../core/refs.js";
import { isMismatch, type ApiItem } from "./batch.js";
import type { Context } from "./call.js";
import { createOne } from "./resource.js";
import type { RequestOptions } from "./transport.js";
import { validateBody } from "./validate.js";

/** Where a create goes, how its body is checked, and how a created resource is found by name. */
export interface CreateRoute<T> {
  /** What the call does, for messages: `create instance`. */
  operation: string;
  path: string;
  key: string;
  /** The validator of the body (internal/validate.ts). */
  root: string;
  /** Checks what the spec cannot say, after the spec's own rules held. */
  check?: (params: unknown) => void;
  /** Reads one resource, to reconcile a lost answer. */
  get?: (ref: Ref, options?: RequestOptions) => Promise<T>;
}

/** Validates `params`, creates, and reconciles a lost answer by name (see the module comment). */
export async function createOrReconcile<T extends ApiItem>(
  ctx: Context,
  route: CreateRoute<T>,
  params: unknown,
  options?: RequestOptions,
): Promise<{ item: T; rest: T[] }> {
  validateBody(route.root, params, "params");
  route.check?.(params);
  const started = Date.now();
  try {
    return await createOne<T>(ctx, route.operation, route.path, route.key, params, options);
  } catch (error) {
    const name = (params as { name?: unknown }).name;
    if (!(error instanceof APIConnectionError) || !error.reachedServer || typeof name !== "string" || !route.get) throw error;
    // The same class as the lost answer's error (a timeout stays an APITimeoutError).
    const Same = error.constructor as typeof APIConnectionError;
    let item: T;
    try {
      item = await route.get(name, { signal: options?.signal, headers: options?.headers });
    } catch (lookup) {
      if ((lookup instanceof NotFoundError || isMismatch(lookup)) && error instanceof APITimeoutError) {
        // A timed-out create may still be running on the platform: not finding it yet proves nothing.
        throw new Same(`${error.message} No '${name}' existed right after the timeout, but the platform may still be creating it; look it up before creating it again.`, { cause: error });
      }
      if (lookup instanceof NotFoundError || isMismatch(lookup)) {
        throw new Same(`${error.message} Not created: no '${name}' exists (looked up by name), so creating it again is safe.`, { cause: error, reachedServer: false });
      }
      throw new Same(
        `${error.message} Looking '${name}' up by name to see whether it was created failed too (${(lookup as Error).message}); look it up before creating it again.`,
        { cause: error },
      );
    }
    // A resource of that name made well before this create is somebody else's: this create
    // then most likely failed as a conflict. (Five minutes of tolerance for clock skew.)
    const made = Date.parse(String((item as { created_at?: unknown }).created_at));
    if (made < started - 5 * 60_000) {
      throw new Same(`${error.message} A '${name}' already existed (created ${new Date(made).toISOString()}), so this create most likely failed as a conflict; it was not retried.`, { cause: error });
    }
    return { item, rest: [] };
  }
}
