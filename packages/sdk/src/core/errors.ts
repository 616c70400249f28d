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
  readonly field: string;
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

function hint(status: number, code: number | undefined): string {
  if (code === ErrorCode.NotFound) return "check the name or UUID; list the resources to see what exists";
  if (code === ErrorCode.AlreadyExists) return "choose another name or delete the existing resource first";
  if (code === ErrorCode.WrongVmState) return "the instance is in the wrong state for this operation; wait for the state you need first";
  if (code === ErrorCode.NotAllowed) return "the operation is not allowed here (for example deletion protection is on)";
  if (code === ErrorCode.Attached) return "detach the volume first";
  if (code === ErrorCode.Quota) return "a quota is exhausted; see quotas.get()";
  switch (status) {
    case 400:
      return "the request was rejected as invalid; check the arguments";
    case 401:
      return "the token is missing or invalid; set UKC_TOKEN or pass { token }";
    case 403:
      return "the token is not allowed to do this";
    case 404:
      return "the resource or route does not exist; check the reference and the metro";
    case 409:
      return "a resource with this name already exists";
    case 422:
      return "the request does not match the API contract";
    case 429:
      return "rate limited; retry later (the SDK retries automatically up to maxRetries)";
    default:
      return status >= 500 ? "the platform failed; retry later" : "";
  }
}

/** The API answered with an error: a non-2xx response, or a failed item of a call. */
export class APIError extends UnikraftCloudError {
  override name = "APIError";
  /** HTTP status (200 when the failure is a per-item failure inside a 200 response). */
  readonly status: number;
  /** The envelope's or item's `message`, as sent by the API. */
  readonly apiMessage: string | undefined;
  /** The envelope's `errors` list. */
  readonly errors: { status?: number; [key: string]: unknown }[];
  /** Per-item error code, see {@link ErrorCode}. */
  readonly code: number | undefined;
  /** Request id sent by the server, if any. */
  readonly requestId: string | undefined;
  /** The response body. */
  readonly body: unknown;
  /** The response headers (empty for a failure reported inside a successful answer without them). */
  readonly headers: Headers;

  constructor(init: APIErrorInit) {
    const where = init.method && init.path ? `${init.method} ${init.path}` : (init.operation ?? "request");
    const what = init.message ?? `HTTP ${init.status}`;
    const fix = hint(init.status, init.code);
    super(
      `${where} failed (${init.status}${init.code !== undefined ? `, error ${init.code}` : ""}): ${what}` +
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

/** Builds the right {@link APIError} subclass for an HTTP status and per-item code. */
export function makeAPIError(init: APIErrorInit): APIError {
  const { status, code } = init;
  if (status === 401) return new AuthenticationError(init);
  if (status === 403) return new PermissionDeniedError(init);
  if (status === 404 || code === ErrorCode.NotFound) return new NotFoundError(init);
  if (status === 409 || code === ErrorCode.AlreadyExists) return new ConflictError(init);
  if (status === 422) return new UnprocessableEntityError(init);
  if (status === 429) return new RateLimitError(init);
  if (status >= 500) return new InternalServerError(init);
  if (status === 400 || code === ErrorCode.Invalid || code === ErrorCode.MalformedRequest || code === ErrorCode.NotBoth)
    return new BadRequestError(init);
  return new APIError(init);
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
  readonly succeeded: T[];
  readonly failed: ItemFailure<R>[];
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

function describeRef(ref: unknown): string {
  if (typeof ref === "string") return `'${ref}'`;
  if (ref && typeof ref === "object") {
    const r = ref as { uuid?: unknown; name?: unknown };
    if (typeof r.uuid === "string") return `uuid '${r.uuid}'`;
    if (typeof r.name === "string") return `name '${r.name}'`;
  }
  return JSON.stringify(ref);
}

/** The request could not reach the API (DNS, refused, reset). */
export class APIConnectionError extends UnikraftCloudError {
  override name = "APIConnectionError";
  /**
   * False when the request certainly never reached the server (connection refused, host not
   * found); true when it may have (reset, timeout), so a create may have happened.
   */
  readonly reachedServer: boolean;
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
  readonly lastSeen: S | undefined;
  /** How long the wait lasted, in milliseconds. */
  readonly elapsedMs: number;
  constructor(message: string, lastSeen: S | undefined, elapsedMs: number) {
    super(message);
    this.lastSeen = lastSeen;
    this.elapsedMs = elapsedMs;
  }
}
