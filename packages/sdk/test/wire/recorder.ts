// A client whose fetch records every request and answers it with a plausible success envelope,
// built from the request itself (one item per reference asked for). No server, no spec: what the
// SDK sends is judged by the vendor's contract in wire.test.ts.
import { UnikraftCloud } from "../../src/index";

/** One request as it left the SDK. */
export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The parsed JSON body; `undefined` when none was sent. */
  body: unknown;
}

const UUIDS = ["0b8e2d6a-4c1f-4e3a-9d7b-5a6c7e8f9012", "1c9f3e7b-5d20-4f4b-8e8c-6b7d8f9a0123", "2da04f8c-6e31-4a5c-9f9d-7c8e9a0b1234"];

function dataKey(path: string): string {
  if (/\/autoscale\/policies/.test(path)) return "policies";
  if (/^\/v1\/services(\/[^/]+)?\/autoscale/.test(path)) return "service_groups";
  if (path.startsWith("/v1/services")) return "service_groups";
  if (path.startsWith("/v1/volumes")) return "volumes";
  if (path.startsWith("/v1/certificates")) return "certificates";
  if (path.startsWith("/v1/images") || path.startsWith("/v1/image-store")) return "images";
  if (path.startsWith("/v1/users")) return "quotas";
  return "instances";
}

/** The references a request names: query `uuid`/`name`, body items, the path's UUID. */
function refsOf(r: Recorded): { uuid?: string; name?: string }[] {
  const refs: { uuid?: string; name?: string }[] = [];
  for (const uuid of r.query.getAll("uuid")) refs.push({ uuid });
  for (const name of r.query.getAll("name")) refs.push({ name });
  if (Array.isArray(r.body)) for (const item of r.body) refs.push({ uuid: item?.uuid, name: item?.name });
  const inPath = r.path.match(/\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\/|$)/i)?.[1];
  if (!refs.length && inPath) refs.push({ uuid: inPath });
  if (!refs.length && r.body && typeof r.body === "object" && "name" in r.body) refs.push({ name: String((r.body as { name: unknown }).name) });
  if (!refs.length) refs.push({});
  return refs;
}

function answer(r: Recorded): unknown {
  if (r.path === "/v1/healthz") return { status: "success", data: { services: {} }, op_time_us: 1 };
  const key = dataKey(r.path);
  const state = r.query.get("state") ?? (r.path.includes("/log") ? "stopped" : "running");
  const offset = Number(r.query.get("offset") ?? 0);
  const items = refsOf(r).map((ref, i) => ({
    status: "success",
    uuid: ref.uuid ?? UUIDS[i % UUIDS.length],
    name: ref.name ?? `item-${i}`,
    state,
    ...(key === "instances" && r.path.includes("/log") ? { output: "", available: { start: 0, end: 0 }, range: { start: offset, end: offset } } : {}),
    ...(key === "images" ? { tag: r.query.get("tag") ?? "nginx:latest", digest: r.query.get("digest") ?? `sha256:${"a".repeat(64)}` } : {}),
    ...(key === "policies" ? { policy: { name: r.path.split("/").pop(), metric: "cpu", adjustment_type: "change", steps: [] } } : {}),
  }));
  return { status: "success", data: { [key]: items }, op_time_us: 1 };
}

/** A client recording what it sends; `sent` fills as calls go out. */
export function recordingClient(): { ukc: UnikraftCloud; sent: Recorded[] } {
  const sent: Recorded[] = [];
  const ukc = new UnikraftCloud({
    baseUrl: "http://127.0.0.1:9",
    token: "test-token",
    maxRetries: 0,
    fetch: async (request: Request) => {
      const url = new URL(request.url);
      const text = request.body ? await request.text() : "";
      const r: Recorded = { method: request.method, path: url.pathname, query: url.searchParams, body: text ? JSON.parse(text) : undefined };
      sent.push(r);
      return new Response(JSON.stringify(answer(r)), { status: 200, headers: { "content-type": "application/json" } });
    },
  });
  return { ukc, sent };
}
