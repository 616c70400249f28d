// Plain HTTP helpers for tests that talk to a simulator directly: a GET and a JSON request with a
// bearer token. Shared by the simulator's scripting tests and the SDK's scenario tests.

/** `get(path, init?)` and `send(method, path, body)` against `base()` (read at each call), with `auth` headers. */
export function httpTo(base: () => string, auth: Record<string, string>) {
  return {
    get(path: string, init: RequestInit = {}): Promise<Response> {
      return fetch(base() + path, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });
    },
    send(method: string, path: string, body: unknown): Promise<Response> {
      return fetch(base() + path, {
        method,
        headers: { ...auth, "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    },
  };
}
