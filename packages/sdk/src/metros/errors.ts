/**
 * The errors of the account-wide layer (see {@link accountWide}):
 *
 * - {@link AmbiguousReferenceError}: a reference without a metro names resources in several
 *   metros, or was found in one while another could not be asked.
 * - {@link MetroCallError}: a metro's part of a call failed as a whole (connection refused, a
 *   timeout, 5xx after the retries): the per-item error of each reference routed there.
 * - {@link MetroError}: some metros of a list failed; thrown after the items of the others.
 *
 * A reference found in no metro is the SDK's usual `NotFoundError`, whose message names the
 * metros asked. Batches that fail in part throw the usual `BatchError`, whose failures are
 * {@link MetroItemFailure}s (they carry the metro).
 */
import { APIError, describeRef, UnikraftCloudError, type ItemFailure } from "../core/errors.js";

/** A reference to a resource that may say which metro it is in: a `Ref`, `{ name, metro }` or `{ uuid, metro }`. */
export type MetroRef =
  | string
  | { uuid: string; name?: undefined; metro?: string | undefined }
  | { name: string; uuid?: undefined; metro?: string | undefined };

/** One failed item of an account-wide batch: the usual failure, plus the metro it was routed to (none when it could not be routed). */
export interface MetroItemFailure<R = MetroRef> extends ItemFailure<R> {
  /** The metro the reference was routed to; undefined when it could not be resolved to one. */
  metro: string | undefined;
}

/** A metro that failed during a fan-out, with its error. */
export interface MetroFailure {
  /** The metro code, e.g. `dal`. */
  metro: string;
  /** Why it failed: `APIConnectionError`, `APITimeoutError`, `InternalServerError`, … */
  error: Error;
  /** How many of its items were yielded before it failed (a list can fail on a later page). */
  yielded: number;
}

const list = (metros: readonly string[]) => metros.join(", ");

/**
 * A reference without a metro could not be routed to exactly one metro: resources of that name
 * exist in several metros (`metros`), or the name was found in one metro while other metros
 * (`unreachable`) could not be asked, so it may exist there too. Pass `{ name, metro }` to choose.
 * UUIDs are unique across metros: a UUID found in one metro is used even when another is down.
 */
export class AmbiguousReferenceError extends APIError {
  override name = "AmbiguousReferenceError";
  /** The reference as the caller gave it. */
  declare readonly ref: MetroRef;
  /** The metros where a resource of this reference was found. */
  declare readonly metros: string[];
  /** The metros that could not be asked (their errors are in the batch's or list's report of the call). */
  declare readonly unreachable: string[];
  constructor(operation: string, ref: MetroRef, metros: string[], unreachable: string[] = []) {
    const what = describeRef(ref);
    const pick = `pass { ${typeof ref === "object" && "uuid" in ref && ref.uuid ? "uuid" : "name"}: …, metro: '${metros[0]}' } to choose`;
    super({
      status: 200,
      operation,
      message:
        metros.length > 1
          ? `${what} is in ${metros.length} metros (${list(metros)}); ${pick}`
          : `${what} was found in ${list(metros)}, but ${list(unreachable)} could not be asked, so it may be there too; ${pick}`,
    });
    this.ref = ref;
    this.metros = metros;
    this.unreachable = unreachable;
  }
}

/**
 * A metro's part of an account-wide call failed as a whole: the request did not get an answer
 * about the item (connection refused, a timeout, 5xx after the retries, a wait that ran out).
 * `cause` is the error the metro's client threw (`APIConnectionError`, `APITimeoutError`,
 * `InternalServerError`, …); `status` is its HTTP status, or 0 when there was no HTTP answer.
 * It stands for that error in a `BatchError`, whose failures must be `APIError`s.
 */
export class MetroCallError extends APIError {
  override name = "MetroCallError";
  /** The metro that failed. */
  declare readonly metro: string;
  constructor(operation: string, metro: string, cause: unknown, message?: string) {
    const api = cause instanceof APIError ? cause : undefined;
    super({ status: api?.status ?? 0, code: api?.code, requestId: api?.requestId, operation, headers: api?.headers, body: api?.body, message: api?.apiMessage });
    this.message = `${operation}: ${message ?? `metro '${metro}' failed`}: ${cause instanceof Error ? cause.message : String(cause)}`;
    this.metro = metro;
    this.cause = cause;
  }
}

/**
 * Some metros of an account-wide list failed. It is thrown once, after every item of the metros
 * that answered was yielded (items of a failed metro yielded before it failed are counted in
 * `failed[i].yielded`): nothing is dropped, nothing is reported twice.
 */
export class MetroError extends UnikraftCloudError {
  override name = "MetroError";
  /** The metros whose items were all yielded. */
  declare readonly succeeded: string[];
  /** The metros that failed, each with its error. */
  declare readonly failed: MetroFailure[];
  constructor(operation: string, succeeded: string[], failed: MetroFailure[]) {
    const why = failed.map((f) => `${f.metro}: ${f.error instanceof Error ? f.error.message : String(f.error)}`).join("; ");
    super(
      `${operation}: ${failed.length} of ${failed.length + succeeded.length} metro(s) failed — ${why}. ` +
        `The items of ${succeeded.length ? list(succeeded) : "no metro"} were yielded; the failures are in \`.failed\`.`,
    );
    this.succeeded = succeeded;
    this.failed = failed;
  }
}
