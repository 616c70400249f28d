// The tiny local API server of `pnpm bench`, run in a worker thread (so its work does not share
// the event loop of the client being measured). It listens on a free 127.0.0.1 port, posts
// { port } to its parent, and counts every request in workerData.counter (an Int32Array over a
// SharedArrayBuffer, slot 0). Every request must carry `Authorization: Bearer <workerData.token>`
// (else 401), so a client that dropped its token cannot pass the checks of run.mjs. LIST_SIZE is
// workerData.listSize. It answers:
//   GET /v1/instances/{uuid}               200, a fixed small envelope (the spec's example instance)
//   GET /v1/instances?uuid=… (or ?name=…)  200, the same envelope: a filtered listing of one
//   GET /v1/instances (no uuid/name)       200, one page of LIST_SIZE distinct instances,
//                                          honouring `count` and the inclusive `from` cursor
//   PUT /v1/instances/stop                 200, one success entry per item of the body (names echoed)
//   anything else                          404
import { createServer } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

const counter = new Int32Array(workerData.counter);
const AUTHORIZATION = `Bearer ${workerData.token}`;
const UUID = "123e4567-e89b-12d3-a456-426614174000";
const LIST_SIZE = workerData.listSize;

// The example of GET /v1/instances/{uuid} in spec/openapi.yaml.
const instance = (uuid, name) => ({
  status: "success",
  uuid,
  name,
  created_at: "2023-10-01T12:00:00Z",
  state: "running",
  private_fqdn: `${name}.internal`,
  image: "nginx:latest",
  memory_mb: 1024,
  vcpus: 1,
  args: ["--port=8080", "--debug"],
  env: { ENV_VAR: "value" },
  start_count: 6,
  restart_count: 1,
  started_at: "2023-10-01T12:00:00Z",
  boot_time_us: 9000,
  net_time_us: 11000,
  restart_policy: "never",
  tags: ["production"],
});
const envelope = (instances) => JSON.stringify({ status: "success", data: { instances }, op_time_us: 432 });

// Serialized once.
const INSTANCE_BODY = envelope([instance(UUID, "funky-town-g756b5d")]);
const LIST = Array.from({ length: LIST_SIZE }, (_, i) =>
  instance(`00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, `bench-list-${String(i).padStart(3, "0")}`),
);
const LIST_BODY = envelope(LIST);

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** GET /v1/instances: a filter by uuid or name answers the one instance; else a page of LIST. */
function listing(res, query) {
  const params = new URLSearchParams(query);
  if (params.has("uuid") || params.has("name")) return send(res, 200, INSTANCE_BODY);
  const count = Number(params.get("count") ?? 0);
  const from = params.get("from");
  const start = from === null ? 0 : LIST.findIndex((i) => i.uuid === from);
  if (start < 0) return send(res, 200, envelope([]));
  const end = count > 0 ? Math.min(LIST_SIZE, start + count) : LIST_SIZE;
  send(res, 200, start === 0 && end === LIST_SIZE ? LIST_BODY : envelope(LIST.slice(start, end)));
}

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  Atomics.add(counter, 0, 1);
  const url = req.url ?? "";
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  if (req.headers.authorization !== AUTHORIZATION) {
    req.resume();
    return send(res, 401, JSON.stringify({ status: "error", message: "missing or wrong bearer token" }));
  }
  if (req.method === "GET" && path.startsWith("/v1/instances/") && path.split("/").length === 4) {
    return send(res, 200, INSTANCE_BODY);
  }
  if (req.method === "GET" && path === "/v1/instances") return listing(res, q < 0 ? "" : url.slice(q + 1));
  if (req.method === "PUT" && path === "/v1/instances/stop") {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      let items;
      try {
        items = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return send(res, 400, JSON.stringify({ status: "error", message: "body is not JSON" }));
      }
      if (!Array.isArray(items)) return send(res, 400, JSON.stringify({ status: "error", message: "body is not an array" }));
      const instances = items.map((item, i) => ({
        status: "success",
        uuid: item.uuid ?? `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        name: item.name,
        state: "stopping",
        previous_state: "running",
      }));
      send(res, 200, JSON.stringify({ status: "success", data: { instances }, op_time_us: 23 }));
    });
    return;
  }
  req.resume();
  send(res, 404, JSON.stringify({ status: "error", message: `no route ${req.method} ${path}` }));
});

server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.address().port }));
parentPort.on("message", (msg) => {
  if (msg === "close") {
    server.closeAllConnections?.();
    server.close(() => process.exit(0));
  }
});
