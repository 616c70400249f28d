/**
 * The error classes of the SDK. Every error the SDK throws is a {@link UnikraftCloudError}.
 *
 * - {@link ConfigurationError}: the client's options are wrong (thrown at construction).
 * - {@link ValidationError}: an argument is wrong; thrown before any request is sent.
 * - {@link APIError} and its subclasses: the API answered with an error (HTTP or per item).
 * - {@link BatchError}: some items of a batch call failed; carries successes and failures.
 * - {@link APIConnectionError}, {@link APITimeoutError}, {@link AbortError}: the request did not complete.
 * - {@link WaitTimeoutError}: a wait ran out of time; carries the last state seen.
 *
 * No error message or property ever contains the API token.
 */

/** The base class of every error thrown by the SDK. */
export class UnikraftCloudError extends Error {
  override name = "UnikraftCloudError";
}

/** The client was configured wrongly (missing token, malformed URL, wrong option type). */
export class ConfigurationError extends UnikraftCloudError {
  override name = "ConfigurationError";
}

/** An argument is invalid. Thrown before any request is sent. */
export class ValidationError extends UnikraftCloudError {
  override name = "ValidationError";
  /** The argument or field that is wrong, e.g. `ref` or `patch.memory_mb`. */
  declare readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/** Per-item error codes of the API (`error` on a batch entry). */
export const ErrorCode = {
  Unknown: 0,
  NotSupported: 1,
  WrongMethod: 2,
  NoApiEndpoint: 3,
  NotAllSucceeded: 4,
  TooMany: 5,
  Unknown6: 6,
  Invalid: 7,
  NotFound: 8,
  NoFreeResources: 9,
  FailedOperation: 10,
  WrongVmState: 11,
  TimedOut: 12,
  MissingId: 13,
  NotAllowed: 14,
  Attached: 15,
  MalformedRequest: 16,
  NotBoth: 17,
  AddService: 18,
  Quota: 19,
  GuestMemoryTooSmall: 20,
  NotAttached: 21,
  TooLong: 22,
  AlreadyExists: 23,
  CannotBeUsed: 24,
  CertificateCnMismatch: 30,
} as const;

/** One entry of the envelope's `errors` list. */
export interface EnvelopeError {
  status?: number;
  [key: string]: unknown;
}

/** What the SDK knows about a failed API call. */
export interface APIErrorInit {
  /** HTTP status of the response (200 for a per-item failure inside a batch). */
  status: number;
  /** The envelope's (or the item's) `message`. */
  message?: string | undefined;
  /** The envelope's `errors` list. */
  errors?: { status?: number; [key: string]: unknown }[] | undefined;
  /** The per-item error code (`error` on an item), see {@link ErrorCode}. */
  code?: number | undefined;
  /** The request id the server sent (`x-request-id`), if any. */
  requestId?: string | undefined;
  /** What the SDK was doing, e.g. `start instance`: names a per-item failure in the message. */
  operation?: string | undefined;
  /** HTTP method and path (never the host's credentials or the token). */
  method?: string | undefined;
  path?: string | undefined;
  /** The response body as received. */
  body?: unknown;
  /** The response headers, when there was an HTTP response. */
  headers?: Headers | undefined;
}

/**
 * How to fix a failed call: by per-item error code (`c8`) first, then by HTTP status (`s404`;
 * `s500` stands for every 5xx).
 */
const HINTS: Readonly<Record<string, string>> = {
  c8: "check the name or UUID; list the resources to see what exists",
  c23: "choose another name or delete the existing resource first",
  c11: "the instance is in the wrong state for this operation; wait for the state you need first",
  c14: "the operation is not allowed here (for example deletion protection is on)",
  c15: "detach the volume first",
  c19: "a quota is exhausted; see quotas.get()",
  s400: "the request was rejected as invalid; check the arguments",
  s401: "the token is missing or invalid; set UKC_TOKEN or pass { token }",
  s403: "the token is not allowed to do this",
  s404: "the resource or route does not exist; check the reference and the metro",
  s409: "choose another name or delete the existing resource first",
  s422: "the request does not match the API contract",
  s429: "rate limited; retry later (the SDK retries automatically up to maxRetries)",
  s500: "the platform failed; retry later",
};

/** The API answered with an error: a non-2xx response, or a failed item of a call. */
export class APIError extends UnikraftCloudError {
  override name = "APIError";
  /** HTTP status (200 when the failure is a per-item failure inside a 200 response). */
  declare readonly status: number;
  /** The envelope's or item's `message`, as sent by the API. */
  declare readonly apiMessage: string | undefined;
  /** The envelope's `errors` list. */
  declare readonly errors: { status?: number; [key: string]: unknown }[];
  /** Per-item error code, see {@link ErrorCode}. */
  declare readonly code: number | undefined;
  /** Request id sent by the server, if any. */
  declare readonly requestId: string | undefined;
  /** The response body. */
  declare readonly body: unknown;
  /** The response headers (empty for a failure reported inside a successful answer without them). */
  declare readonly headers: Headers;

  constructor(init: APIErrorInit) {
    const { status, code } = init;
    const fix = HINTS[`c${code}`] ?? HINTS[`s${Math.min(status, 500)}`];
    super(
      `${init.method && init.path ? `${init.method} ${init.path}` : (init.operation ?? "request")} failed (${status}${code !== undefined ? `, error ${code}` : ""}): ${init.message ?? `HTTP ${status}`}` +
        (fix ? ` — ${fix}` : "") +
        (init.requestId ? ` [request id ${init.requestId}]` : ""),
    );
    this.status = init.status;
    this.apiMessage = init.message;
    this.errors = init.errors ?? [];
    this.code = init.code;
    this.requestId = init.requestId;
    this.body = init.body;
    this.headers = init.headers ?? new Headers();
  }
}

/** HTTP 400, or per-item "invalid"/"malformed" codes. */
export class BadRequestError extends APIError {
  override name = "BadRequestError";
}
/** HTTP 401: the token is missing or invalid. */
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}
/** HTTP 403: the token may not do this. */
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}
/** HTTP 404, or per-item error 8 (not found). */
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}
/** HTTP 409, or per-item error 23 (already exists). */
export class ConflictError extends APIError {
  override name = "ConflictError";
}
/** HTTP 422: the request did not match the API contract (answered by mock servers such as Prism). */
export class UnprocessableEntityError extends APIError {
  override name = "UnprocessableEntityError";
}
/** HTTP 429: rate limited. */
export class RateLimitError extends APIError {
  override name = "RateLimitError";
}
/** HTTP 5xx. */
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}

/**
 * The {@link APIError} subclass of an HTTP status (`s404`; `s500` stands for every 5xx) or a
 * per-item code (`c8`): the first entry that matches wins.
 */
const CLASSES: Readonly<Record<string, typeof APIError>> = {
  s401: AuthenticationError,
  s403: PermissionDeniedError,
  s404: NotFoundError,
  c8: NotFoundError,
  s409: ConflictError,
  c23: ConflictError,
  s422: UnprocessableEntityError,
  s429: RateLimitError,
  s500: InternalServerError,
  s400: BadRequestError,
  c7: BadRequestError,
  c16: BadRequestError,
  c17: BadRequestError,
};

/** Builds the right {@link APIError} subclass for an HTTP status and per-item code. */
export function makeAPIError(init: APIErrorInit): APIError {
  const key = Object.keys(CLASSES).find((k) => k === `s${Math.min(init.status, 500)}` || k === `c${init.code}`);
  return new (key ? CLASSES[key]! : APIError)(init);
}

/** One failed item of a batch call. */
export interface ItemFailure<R = unknown> {
  /** The reference (or input item) as the caller gave it. */
  ref: R;
  /** The API's message for this item. */
  message: string;
  /** The per-item error code, see {@link ErrorCode}. */
  code: number | undefined;
  /** The error for this item, of the matching {@link APIError} subclass. */
  error: APIError;
  /** The item as the API returned it, if it returned one. */
  item?: unknown;
}

/**
 * Some (or all) items of a batch call failed. Nothing is lost: `succeeded` holds the results of
 * the items that worked, `failed` each failure with its reference, message and code.
 */
export class BatchError<T = unknown, R = unknown> extends UnikraftCloudError {
  override name = "BatchError";
  declare readonly succeeded: T[];
  declare readonly failed: ItemFailure<R>[];
  constructor(operation: string, succeeded: T[], failed: ItemFailure<R>[]) {
    const sample = failed
      .slice(0, 3)
      .map((f) => `${describeRef(f.ref)}: ${f.message}${f.code !== undefined ? ` (error ${f.code})` : ""}`)
      .join("; ");
    super(
      `${operation}: ${failed.length} of ${failed.length + succeeded.length} item(s) failed — ${sample}` +
        (failed.length > 3 ? `; and ${failed.length - 3} more` : "") +
        ". The successes are in `.succeeded`, the failures in `.failed`.",
    );
    this.succeeded = succeeded;
    this.failed = failed;
  }
}

/**
 * A reference (or item) for messages: `'web'` for a string, `uuid '…'` or `name '…'` for an object
 * with one, else its JSON.
 */
export function describeRef(ref: unknown): string {
  if (typeof ref === "string") return `'${ref}'`;
  const { uuid, name } = (ref ?? {}) as { uuid?: unknown; name?: unknown };
  return typeof uuid === "string" ? `uuid '${uuid}'` : typeof name === "string" ? `name '${name}'` : JSON.stringify(ref);
}

/** The request could not reach the API (DNS, refused, reset). */
export class APIConnectionError extends UnikraftCloudError {
  override name = "APIConnectionError";
  /**
   * False when the request certainly never reached the server (connection refused, host not
   * found); true when it may have (reset, timeout), so a create may have happened.
   */
  declare readonly reachedServer: boolean;
  constructor(message: string, options?: { cause?: unknown; reachedServer?: boolean }) {
    super(message, options);
    this.reachedServer = options?.reachedServer ?? true;
  }
}

/** A request took longer than its timeout. */
export class APITimeoutError extends APIConnectionError {
  override name = "APITimeoutError";
}

/** The caller aborted the operation with an AbortSignal. */
export class AbortError extends UnikraftCloudError {
  override name = "AbortError";
  constructor(message = "The operation was aborted by its AbortSignal", options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A wait ran out of time before the wanted condition held. */
export class WaitTimeoutError<S = unknown> extends UnikraftCloudError {
  override name = "WaitTimeoutError";
  /** The last state (or value) seen before the deadline. */
  declare readonly lastSeen: S | undefined;
  /** How long the wait lasted, in milliseconds. */
  declare readonly elapsedMs: number;
  constructor(message: string, lastSeen: S | undefined, elapsedMs: number, options?: { cause?: unknown }) {
    super(message, options);
    this.lastSeen = lastSeen;
    this.elapsedMs = elapsedMs;
  }
}
