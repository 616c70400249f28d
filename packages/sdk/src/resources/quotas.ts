/**
 * Quotas: usage (`used`), configured quotas (`hard`) and per-resource `limits` of the caller or of
 * a user.
 */
import type { Quotas } from "@ukc/api";
import { ValidationError } from "../core/errors.js";
import { isUUID } from "../core/refs.js";
import { call, type Context } from "../internal/call.js";
import { firstItem } from "../internal/resource.js";
import type { RequestOptions } from "../internal/transport.js";

/** Quotas of Unikraft Cloud. */
export function quotas(ctx: Context) {
  /**
   * Gets the quotas of the caller (the owner of the token), or of the user with this UUID.
   * Resolves with the quotas entry of the answer; throws its error when the API reports one.
   * @example
   * const { used, hard, limits } = await ukc.quotas.get();
   * console.log(`${used?.live_memory_mb} of ${hard?.live_memory_mb} MB in use; at most ${limits?.max_memory_mb} MB per instance`);
   */
  async function get(userUuid?: string, options?: RequestOptions): Promise<Quotas>;
  /** Gets the quotas of the caller, with request options. */
  async function get(options: RequestOptions): Promise<Quotas>;
  async function get(first?: string | RequestOptions, second?: RequestOptions): Promise<Quotas> {
    const [userUuid, options] = typeof first === "object" && first !== null ? [undefined, first] : [first, second];
    if (userUuid !== undefined && (typeof userUuid !== "string" || !isUUID(userUuid))) {
      throw new ValidationError("userUuid", `'${String(userUuid)}' is not a UUID; give the user's UUID, or nothing for your own quotas`);
    }
    const path = userUuid === undefined ? "/v1/users/quotas" : `/v1/users/${userUuid.toLowerCase()}/quotas`;
    const answer = await call(ctx, { method: "GET", path }, options);
    return firstItem<Quotas>("get quotas", answer, "quotas");
  }

  return { get };
}

/** The quotas resource. */
export type QuotasResource = ReturnType<typeof quotas>;
