// Behaviour of batch calls over real HTTP: the simulator answers, a scripted rule rewrites the answer to
// one entry per request item and fails the chosen ones (HTTP 200, per-item errors, as the API
// does). A batch rejects with ONE BatchError holding every success and every failure.
import { describe, expect, it } from "vitest";
import { echoBatch, failItems, syntheticUuid } from "./scenarios";
import { add, APIError, BatchError, ConflictError, NotFoundError, UnikraftCloud, type Ref } from "../../src/index";
import { rejection, sim, simClient, useSimulator } from "./support";

useSimulator();
const client = simClient({ maxRetries: 0 });

type Item = { uuid?: string; name?: string; status?: string };
type Call = (ukc: UnikraftCloud, refs: Ref[]) => Promise<Item[]>;

/** The batch calls under test: their endpoint, the noun in the API's messages, and the call. */
const CASES: { label: string; method: string; path: string; noun: string; call: Call; perRef?: number }[] = [
  { label: "instances.stop", method: "PUT", path: "/v1/instances/stop", noun: "instance", call: (u, r) => u.instances.stop(r) },
  { label: "instances.stop (drain)", method: "PUT", path: "/v1/instances/stop", noun: "instance", call: (u, r) => u.instances.stop(r, { drainTimeoutMs: 1000 }) },
  { label: "instances.delete", method: "DELETE", path: "/v1/instances", noun: "instance", call: (u, r) => u.instances.delete(r) },
  { label: "instances.start", method: "PUT", path: "/v1/instances/start", noun: "instance", call: (u, r) => u.instances.start(r) },
  { label: "instances.update", method: "PATCH", path: "/v1/instances", noun: "instance", call: (u, r) => u.instances.update(r, { memory_mb: 256 }) },
  {
    label: "volumes.attach",
    method: "PUT",
    path: "/v1/volumes/attach",
    noun: "volume",
    call: (u, r) => u.volumes.attach(r, { to: "funky-town-g7gum5cj", at: Array.isArray(r) ? r.map((_, i) => `/mnt/v${i}`) : "/mnt/v0" }),
  },
  { label: "volumes.detach", method: "PUT", path: "/v1/volumes/detach", noun: "volume", call: (u, r) => u.volumes.detach(r, { from: "funky-town-g7gum5cj" }) },
  { label: "templates.delete", method: "DELETE", path: "/v1/instances/templates", noun: "instance", call: (u, r) => u.templates.delete(r) },
];

describe.each(CASES)("$label", ({ method, path, noun, call }) => {
  it("failed items: ONE BatchError with exactly the successes and each failure with the caller's reference, message and code", async () => {
    sim.rule(failItems({ id: "fail", method, path, failNames: ["bad-1", "bad-2"] }));
    const bad2 = { name: "bad-2" } as const;
    const refs: Ref[] = ["ok-1", "bad-1", { name: "ok-2" }, bad2];
    const error = await rejection(call(client(), refs));

    expect(error).toBeInstanceOf(BatchError);
    const e = error as BatchError<Item, Ref>;
    expect(e.succeeded.map((i) => [i.name, i.status])).toEqual([
      ["ok-1", "success"],
      ["ok-2", "success"],
    ]);
    expect(e.succeeded.map((i) => i.uuid)).toEqual([syntheticUuid(0), syntheticUuid(2)]);
    expect(e.failed.map((f) => f.ref)).toEqual(["bad-1", bad2]);
    expect(e.failed[1]!.ref).toBe(bad2); // the very value the caller passed
    expect(e.failed.map((f) => f.message)).toEqual([`No ${noun} with name 'bad-1'`, `No ${noun} with name 'bad-2'`]);
    expect(e.failed.map((f) => f.code)).toEqual([8, 8]);
    for (const f of e.failed) {
      expect(f.error).toBeInstanceOf(NotFoundError);
      expect(f.error.code).toBe(8);
      expect(f.error.status).toBe(200);
      expect(f.error.apiMessage).toBe(f.message); // as the API sent it
      expect(f.error.message).toMatch(/^\w+ \w+ failed \(200, error 8\): No \w+ with name 'bad-\d'/);
    }
    expect(e.message).toContain("2 of 4 item(s) failed");
    expect(e.message).toContain("'bad-1'");

    // One request, naming every item in the caller's order.
    expect(sim.requests).toHaveLength(1);
    const sent = sim.requests[0]!;
    expect(`${sent.method} ${sent.path}`).toBe(`${method} ${path}`);
    expect((sent.body as Item[]).map((i) => i.name)).toEqual(["ok-1", "bad-1", "ok-2", "bad-2"]);
    expect(sent.forwarded).toBe(true);
  });

  it("all succeed (echoBatch): results in the caller's order", async () => {
    sim.rule(echoBatch({ id: "echo", method, path }));
    const result = await call(client(), ["c-3", "a-1", { name: "b-2" }]);
    expect(result.map((i) => [i.name, i.uuid, i.status])).toEqual([
      ["c-3", syntheticUuid(0), "success"],
      ["a-1", syntheticUuid(1), "success"],
      ["b-2", syntheticUuid(2), "success"],
    ]);
    expect(sim.requests).toHaveLength(1);
  });

  it("a single name that fails rejects with that item's NotFoundError, not a BatchError", async () => {
    sim.rule(failItems({ id: "fail", method, path, failNames: ["ghost"] }));
    const error = await rejection(call(client(), ["ghost"]));
    // Called with an array of one: still a batch.
    expect(error).toBeInstanceOf(BatchError);
    sim.reset();
    sim.rule(failItems({ id: "fail", method, path, failNames: ["ghost"] }));
    const single = await rejection(callOne(call)(client(), "ghost"));
    expect(single).toBeInstanceOf(NotFoundError);
    expect(single).not.toBeInstanceOf(BatchError);
    expect((single as NotFoundError).code).toBe(8);
    expect((single as NotFoundError).apiMessage).toBe(`No ${noun} with name 'ghost'`);
    expect(sim.requests).toHaveLength(1);
  });

  it("envelope status partial_success with a failed item is never a success", async () => {
    sim.rule(failItems({ id: "fail", method, path, failIndexes: [1], envelopeStatus: "partial_success", envelopeMessage: "Some operations failed" }));
    const error = await rejection(call(client(), ["one", "two", "three"]));
    expect(error).toBeInstanceOf(BatchError);
    const e = error as BatchError<Item, Ref>;
    expect(e.succeeded.map((i) => i.name)).toEqual(["one", "three"]);
    expect(e.failed.map((f) => [f.ref, f.code])).toEqual([["two", 8]]);
  });
});

/**
 * The same call with one reference (not an array). `Call` takes an array; the resource methods
 * also take a single reference, which must resolve with the item or reject with its own error.
 */
function callOne(call: Call): (ukc: UnikraftCloud, ref: Ref) => Promise<unknown> {
  return (ukc, ref) => call(ukc, ref as unknown as Ref[]);
}

describe("per-item outcomes, whatever the envelope says", () => {
  const path = "/v1/instances/start";
  const answer = (status: string, instances: unknown[]) => ({
    type: "respond" as const,
    status: 200,
    body: { status, message: status === "success" ? undefined : "Failed to perform all operations", data: { instances }, op_time_us: 1 },
  });

  it("envelope success with an item marked failed → BatchError", async () => {
    sim.rule({
      path,
      action: answer("success", [
        { status: "success", uuid: syntheticUuid(0), name: "a", state: "starting" },
        { status: "error", name: "b", error: 11, message: "Instance is in the wrong state" },
      ]),
    });
    const error = await rejection(client().instances.start(["a", "b"]));
    expect(error).toBeInstanceOf(BatchError);
    const e = error as BatchError<Item, Ref>;
    expect(e.succeeded.map((i) => i.name)).toEqual(["a"]);
    expect(e.failed.map((f) => [f.ref, f.code, f.message])).toEqual([["b", 11, "Instance is in the wrong state"]]);
    expect(e.failed[0]!.error).toBeInstanceOf(APIError);
  });

  it("an item with an error code but no status is a failure", async () => {
    sim.rule({
      path,
      action: answer("success", [
        { uuid: syntheticUuid(0), name: "a", state: "starting" },
        { name: "b", error: 23, message: "Name 'b' already in use" },
      ]),
    });
    const e = (await rejection(client().instances.start(["a", "b"]))) as BatchError<Item, Ref>;
    expect(e).toBeInstanceOf(BatchError);
    expect(e.succeeded.map((i) => i.name)).toEqual(["a"]);
    expect(e.failed[0]!.error).toBeInstanceOf(ConflictError);
  });

  it("envelope partial_success or error with every item successful → success", async () => {
    for (const status of ["partial_success", "error"]) {
      sim.reset();
      sim.rule({
        path,
        action: answer(status, [
          { status: "success", uuid: syntheticUuid(0), name: "a", state: "starting" },
          { status: "success", uuid: syntheticUuid(1), name: "b", state: "starting" },
        ]),
      });
      const result = await client().instances.start(["a", "b"]);
      expect(result.map((i) => i.name)).toEqual(["a", "b"]);
    }
  });

  it("items answered out of order are matched to the caller's references", async () => {
    sim.rule({
      path,
      action: answer("success", [
        { status: "success", uuid: syntheticUuid(2), name: "c", state: "starting" },
        { status: "success", uuid: syntheticUuid(0), name: "a", state: "starting" },
        { status: "success", uuid: syntheticUuid(1), name: "b", state: "starting" },
      ]),
    });
    const result = await client().instances.start(["a", "b", "c"]);
    expect(result.map((i) => i.name)).toEqual(["a", "b", "c"]);
  });

  it("a reference the answer leaves out is a failure, never dropped", async () => {
    sim.rule({
      path,
      action: answer("success", [
        { status: "success", uuid: syntheticUuid(0), name: "a", state: "starting" },
        { status: "success", uuid: syntheticUuid(2), name: "c", state: "starting" },
      ]),
    });
    const e = (await rejection(client().instances.start(["a", "b", "c"]))) as BatchError<Item, Ref>;
    expect(e).toBeInstanceOf(BatchError);
    expect(e.succeeded.map((i) => i.name)).toEqual(["a", "c"]);
    expect(e.failed.map((f) => f.ref)).toEqual(["b"]);
    expect(e.failed[0]!.message).toContain("no result for name 'b'");
  });
});

describe("updates with several operations per reference", () => {
  it("a reference fails when any of its operations failed; its successes are not reported as success", async () => {
    // Two references × two operations = four body items; item 3 (the second op of 'db') fails.
    sim.rule(failItems({ id: "fail", method: "PATCH", path: "/v1/instances", failIndexes: [3], error: 7, message: () => "Invalid value" }));
    const e = (await rejection(client().instances.update(["web", "db"], { memory_mb: 256, tags: add(["blue"]) }))) as BatchError<Item, Ref>;
    expect(e).toBeInstanceOf(BatchError);
    expect(e.succeeded.map((i) => i.name)).toEqual(["web"]);
    expect(e.failed.map((f) => [f.ref, f.code, f.message])).toEqual([["db", 7, "Invalid value"]]);
    const body = sim.requests[0]!.body as { name: string; prop: string; op: string }[];
    expect(body.map((b) => `${b.name}:${b.prop}:${b.op}`)).toEqual(["web:memory_mb:set", "web:tags:add", "db:memory_mb:set", "db:tags:add"]);
  });
});

describe("matching items to references: by position only when the item names no other resource", () => {
  const path = "/v1/instances/start";
  const OTHER = "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13";
  const answer = (instances: unknown[]) => ({
    type: "respond" as const,
    status: 200,
    body: { status: "success", data: { instances }, op_time_us: 1 },
  });

  it("an item nobody asked for is a failure naming it ('… which was not asked for'), never a success", async () => {
    sim.rule({
      path,
      action: answer([
        { status: "success", uuid: syntheticUuid(0), name: "a", state: "starting" },
        { status: "success", uuid: syntheticUuid(1), name: "b", state: "starting" },
        { status: "success", uuid: OTHER, name: "intruder", state: "starting" },
      ]),
    });
    const e = (await rejection(client().instances.start(["a", "b"]))) as BatchError<Item, Ref>;
    expect(e).toBeInstanceOf(BatchError);
    expect(e.succeeded.map((i) => i.name)).toEqual(["a", "b"]);
    expect(e.failed).toHaveLength(1);
    expect(e.failed[0]!.ref).toEqual({ uuid: OTHER });
    expect(e.failed[0]!.message).toContain(`uuid '${OTHER}', which was not asked for`);
    expect(sim.requests).toHaveLength(1);
  });

  it("one reference, one item naming a different resource: the reference fails, the item is not taken as its result", async () => {
    sim.rule({ path, action: answer([{ status: "success", uuid: OTHER, name: "someone-else", state: "starting" }]) });
    const e = (await rejection(client().instances.start(["a"]))) as BatchError<Item, Ref>;
    expect(e).toBeInstanceOf(BatchError);
    expect(e.succeeded).toEqual([]);
    expect(e.failed.map((f) => f.ref)).toEqual(["a", { uuid: OTHER }]);
    expect(e.failed[0]!.message).toContain("no result for name 'a'");
    expect(e.failed[1]!.message).toContain("which was not asked for");
  });

  it("an item without uuid or name is still matched by position (e.g. a not-found entry)", async () => {
    sim.rule({
      path,
      action: answer([
        { status: "success", uuid: syntheticUuid(0), name: "a", state: "starting" },
        { status: "error", error: 8, message: "No instance with name 'b'" },
      ]),
    });
    const e = (await rejection(client().instances.start(["a", "b"]))) as BatchError<Item, Ref>;
    expect(e).toBeInstanceOf(BatchError);
    expect(e.succeeded.map((i) => i.name)).toEqual(["a"]);
    expect(e.failed.map((f) => [f.ref, f.code])).toEqual([["b", 8]]);
    expect(e.failed[0]!.error).toBeInstanceOf(NotFoundError);
  });
});

describe("start, stop and suspend by UUID send their options as a JSON body", () => {
  const UUID = "123e4567-e89b-12d3-a456-426614174000";
  const CASES: { label: string; op: string; call: (u: UnikraftCloud) => Promise<unknown>; body: unknown }[] = [
    { label: "start", op: "start", call: (u) => u.instances.start(UUID), body: {} },
    { label: "stop", op: "stop", call: (u) => u.instances.stop(UUID), body: {} },
    { label: "stop (force)", op: "stop", call: (u) => u.instances.stop(UUID, { force: true }), body: { force: true } },
    { label: "stop (drain)", op: "stop", call: (u) => u.instances.stop(UUID, { drainTimeoutMs: 1000 }), body: { drain_timeout_ms: 1000 } },
    { label: "suspend", op: "suspend", call: (u) => u.instances.suspend(UUID), body: {} },
    { label: "suspend (drain)", op: "suspend", call: (u) => u.instances.suspend(UUID, { drainTimeoutMs: 250 }), body: { drain_timeout_ms: 250 } },
  ];

  it.each(CASES)("$label: PUT /v1/instances/{uuid}/$op, the options in the body, none in the query", async ({ op, call, body }) => {
    sim.rule(echoBatch({ id: "echo", method: "PUT", path: `/v1/instances/${UUID}/${op}` }));
    const result = (await call(client())) as Item;
    expect(result).toMatchObject({ status: "success", uuid: UUID });
    expect(sim.requests).toHaveLength(1);
    const sent = sim.requests[0]!;
    expect(`${sent.method} ${sent.path}`).toBe(`PUT /v1/instances/${UUID}/${op}`);
    expect(sent.body).toEqual(body);
    expect([...sent.query.keys()]).toEqual([]);
    expect(sent.headers["content-type"]).toMatch(/^application\/json/);
    expect(sent.forwarded).toBe(true);
  });

  it("suspend by name goes to the batch endpoint with the drain timeout on every item", async () => {
    sim.rule(echoBatch({ id: "echo", method: "PUT", path: "/v1/instances/suspend" }));
    const result = await client().instances.suspend(["web", { name: "db" }], { drainTimeoutMs: 500 });
    expect(result.map((i) => [i.name, i.uuid])).toEqual([
      ["web", syntheticUuid(0)],
      ["db", syntheticUuid(1)],
    ]);
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]!.body).toEqual([
      { name: "web", drain_timeout_ms: 500 },
      { name: "db", drain_timeout_ms: 500 },
    ]);
  });
});
