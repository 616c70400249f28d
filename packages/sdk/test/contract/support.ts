// Shared helpers of the SDK contract tests: a client talking to the Prism mock that records every
// request it sends (so tests can assert which endpoint each method used, and that Prism found no
// contract violation), a client that must not send anything, the identifiers of the spec's examples,
// and the per-file coverage check (every public method of a resource has a contract test).
import { describe, expect, inject, test } from "vitest";
import {
  APIError,
  AuthenticationError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  UnikraftCloud,
  ValidationError,
  WaitTimeoutError,
  type ClientOptions,
  type RequestOptions,
} from "../../src/index";

/** One request the SDK sent, with what Prism answered. */
export interface Sent {
  method: string;
  /** Path as sent on the wire (percent-encoding kept). */
  path: string;
  query: URLSearchParams;
  body: unknown;
  status: number;
  /** Prism's `sl-violations` header: contract violations it found in the request. */
  violations: string | null;
}

/**
 * A client of the Prism mock that records every request. `answer`, when given, rewrites the JSON
 * of Prism's answers (for states the spec's examples do not show); the request still goes to Prism.
 */
export function mockClient(
  options: Omit<ClientOptions, "baseUrl" | "token" | "fetch"> = {},
  answer?: (json: any) => unknown,
): { ukc: UnikraftCloud; sent: Sent[]; routes: () => string[] } {
  const sent: Sent[] = [];
  const recordingFetch = async (request: Request): Promise<Response> => {
    const text = request.body ? await request.clone().text() : "";
    const url = new URL(request.url);
    let response = await fetch(request);
    if (answer && response.ok) {
      const json = answer(await response.json());
      response = new Response(JSON.stringify(json), { status: response.status, headers: response.headers });
    }
    sent.push({
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      body: text ? JSON.parse(text) : undefined,
      status: response.status,
      violations: response.headers.get("sl-violations"),
    });
    return response;
  };
  const ukc = new UnikraftCloud({ baseUrl: inject("prismUrl"), token: "test-token", maxRetries: 0, ...options, fetch: recordingFetch });
  return { ukc, sent, routes: () => sent.map((s) => `${s.method} ${s.path}`) };
}

/** A client whose fetch counts calls: for proving that invalid input sends nothing. */
export function offlineClient(): { ukc: UnikraftCloud; calls: () => number } {
  let calls = 0;
  const ukc = new UnikraftCloud({
    baseUrl: "http://127.0.0.1:9",
    token: "test-token",
    maxRetries: 0,
    fetch: async () => {
      calls++;
      throw new Error("no request may be sent");
    },
  });
  return { ukc, calls: () => calls };
}

/** Asserts that every request reached Prism as valid: a 2xx answer and no violation reported. */
export function expectValid(sent: readonly Sent[], count?: number): void {
  if (count !== undefined) expect(sent).toHaveLength(count);
  else expect(sent.length).toBeGreaterThan(0);
  for (const s of sent) {
    expect(s.violations, `${s.method} ${s.path} violates the contract`).toBeNull();
    expect(s.status, `${s.method} ${s.path}`).toBe(200);
  }
}

/** The spec's answers for `Prefer: code=…`, each with its error class and envelope message. */
export const ERROR_CASES = [
  { code: 404, type: NotFoundError, message: "No instance with UUID '123e4567-e89b-12d3-a456-426614174000'" },
  { code: 401, type: AuthenticationError, message: "Unauthorized" },
  { code: 409, type: ConflictError, message: "Name 'funky-town-g756b5d' already in use" },
  { code: 429, type: RateLimitError, message: "Too many requests" },
  { code: 500, type: InternalServerError, message: "Internal server error" },
] as const;

/** Checks that a call answered with `Prefer: code=<code>` rejects with the right typed error. */
export async function expectHttpError(
  call: (options: { headers: Record<string, string> }) => Promise<unknown>,
  code: number,
  type: new (...args: never[]) => APIError,
  message: string,
): Promise<void> {
  const error = await call({ headers: { Prefer: `code=${code}` } }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  const apiError = error as APIError;
  expect(apiError.status).toBe(code);
  expect(apiError.apiMessage).toBe(message);
  expect(apiError.errors).toEqual([{ status: code }]);
  expect(apiError.message).toContain(message);
}

/**
 * The coverage check of one test file. `covered` lists the public methods this file has contract
 * tests for; `method(name, …)` opens the tests of one of them (a name not in `covered` fails);
 * `check()` adds the test that the list equals the resource's methods and that each has tests.
 */
export function coverage(label: string, resource: () => object, covered: readonly string[]) {
  const described = new Set<string>();
  return {
    method(name: string, body: () => void): void {
      if (!covered.includes(name)) throw new Error(`${label}.${name} is not in the covered list`);
      described.add(name);
      describe(`${label}.${name}`, body);
    },
    check(): void {
      test(`every public method of ${label} has a contract test`, () => {
        const target = resource();
        const methods = Object.keys(target).filter((k) => typeof (target as Record<string, unknown>)[k] === "function");
        const uncovered = methods.filter((m) => !covered.includes(m));
        expect(uncovered, `methods of ${label} without a contract test`).toEqual([]);
        expect([...covered].sort()).toEqual([...methods].sort());
        expect([...described].sort(), `covered methods of ${label} without a describe block`).toEqual([...covered].sort());
      });
    },
  };
}

/** A client for inspecting the public surface (no request is sent). */
export function surface(): UnikraftCloud {
  return new UnikraftCloud({ baseUrl: "http://127.0.0.1:9", token: "test-token" });
}

/** Collects an async iterator. */
export async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
}

/** Identifiers used by the spec's examples. */
export const ex = {
  INSTANCE_UUID: "123e4567-e89b-12d3-a456-426614174000",
  INSTANCE: "funky-town-g756b5d",
  HELLO: "hello-world-x9k2m1p",
  HELLO_UUID: "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13",
  TEMPLATE: "nginx-template-k3m9q2z",
  TEMPLATE_UUID: "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b",
  REDIS_TEMPLATE: "redis-template-p7w4t8n",
  REDIS_TEMPLATE_UUID: "3e8d4a2b-7c6f-4b1a-9d0e-5f4c3b2a1e0d",
  VOLUME: "funky-vol-g7gum5cj",
  VOLUME_UUID: "c1d2e3f4-5678-90ab-cdef-1234567890ab",
  VOLUME_2: "funky-vol-t7qumh5j",
  VOLUME_2_UUID: "8f2b6a1e-3c4d-4e5f-9a0b-1c2d3e4f5a6b",
  /** The instance of the volume examples (attach_to, attached_to). */
  VOLUME_INSTANCE: "funky-town-g7gum5cj",
  SERVICE: "funky-service-g7gum5cj",
  SERVICE_UUID: "c1d2e3f4-5678-90ab-cdef-1234567890ab",
  SERVICE_2: "funky-service-t7qumh5j",
  SERVICE_2_UUID: "12345678-90ab-cdef-1234-567890abcdef",
  POLICY: "funky-policy",
  CERTIFICATE: "funky-certificate",
  CERTIFICATE_UUID: "123e4567-e89b-12d3-a456-426614174000",
  CERTIFICATE_2: "funky-certificate-2",
  CERTIFICATE_2_UUID: "5b0c9d8e-7f6a-4b5c-8d9e-0f1a2b3c4d5e",
  IMAGE_TAG: "funky-user/my-image:latest",
  IMAGE_DIGEST: "sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef",
  QUOTA_UUID: "c1d2e3f4-5678-90ab-cdef-1234567890ab",
} as const;

/** Runs a call on a client that must not send anything; expects a ValidationError on `field`. */
export async function rejectsOffline(
  call: (ukc: UnikraftCloud) => Promise<unknown>,
  field: string | RegExp,
): Promise<ValidationError> {
  const { ukc, calls } = offlineClient();
  const error = await call(ukc).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  if (typeof field === "string") expect((error as ValidationError).field).toBe(field);
  else expect((error as ValidationError).field).toMatch(field);
  expect(calls()).toBe(0);
  return error as ValidationError;
}

/** The rejection of a promise (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
}

/** An `answer` of {@link mockClient} that puts every item of `data[key]` in `state` (one the examples do not show). */
export function allInState(key: string, state: string) {
  return (json: { data: Record<string, { state?: string }[]> }) => {
    for (const item of json.data[key]!) item.state = state;
    return json;
  };
}

/**
 * The tests every polled `waitUntil()` (volumes, certificates) shares; call it inside its
 * `method("waitUntil", …)`. `waitNever` waits for a state the mock's example never reaches.
 */
export function pollingWaitTests(waitNever: (ukc: UnikraftCloud, options: RequestOptions & { intervalMs: number }) => Promise<unknown>): void {
  test("rejects with WaitTimeoutError when the state never comes, after polling more than once", async () => {
    const { ukc, sent } = mockClient();
    const error = await rejection(waitNever(ukc, { timeoutMs: 400, intervalMs: 50 }));
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(sent.length).toBeGreaterThan(1);
    expectValid(sent);
  });

  test("an API error ends the wait with that error", async () => {
    const { ukc, sent } = mockClient();
    const error = await rejection(waitNever(ukc, { timeoutMs: 5_000, intervalMs: 50, headers: { Prefer: "code=404" } }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(sent).toHaveLength(1);
  });
}

/**
 * An `answer` of {@link mockClient} that keeps, of `data[key]`, only the items named `names` (by name
 * or UUID): what the API answers to a filter by name or UUID, where the spec's example lists
 * every resource of its kind (an item nobody asked for is a failure, never a success).
 */
export function only(key: string, ...names: string[]) {
  return (json: { data: Record<string, { uuid?: string; name?: string }[]> }) => {
    json.data[key] = json.data[key]!.filter((item) => names.includes(item.name!) || names.includes(item.uuid!));
    return json;
  };
}

/**
 * An `answer` of {@link mockClient} that makes every item of `data[key]` an entry of the one resource
 * `{ uuid, name }`: what the API answers to several operations on one resource.
 */
export function allAbout(key: string, resource: { uuid: string; name: string }) {
  return (json: { data: Record<string, { uuid?: string; name?: string }[]> }) => {
    for (const item of json.data[key]!) Object.assign(item, resource);
    return json;
  };
}
