// Account-wide calls about references over three simulated metros: routing by `{ name, metro }`,
// one batched lookup per metro for the rest, ambiguity, unknown names, creates, follow and wait.
import { describe, expect, it } from "vitest";
import { APIConnectionError, BatchError, NotFoundError, ValidationError } from "../../src/index";
import { AmbiguousReferenceError, MetroCallError, type MetroItemFailure } from "../../src/metros/index";
import { collect, rejection, useMetros } from "./support";

const FRA_UUID = "0a1b2c3d-0000-4000-8000-00000000f7a0";
const metros = useMetros({
  fra: { instances: [{ name: "web" }, { name: "web-fra", uuid: FRA_UUID }], templates: [{ name: "tpl" }], certificates: [{ name: "cert", common_name: "example.com" }] },
  dal: { instances: [{ name: "web" }, { name: "api" }], volumes: [{ name: "vol" }] },
  sin: { instances: [{ name: "db" }], serviceGroups: [{ name: "sg" }] },
});

/** The lookups a metro received: `GET /v1/instances` with `details=false`, and the names asked. */
const lookups = (code: string) => metros.sent(code).filter((r) => r.method === "GET" && r.path === "/v1/instances" && r.query.get("details") === "false");

describe("references with a metro", () => {
  it("`{ name, metro }` goes only to that metro, without a lookup", async () => {
    const api = await metros.account().instances.get({ name: "api", metro: "dal" });
    expect(api).toMatchObject({ name: "api", metro: "dal" });
    expect(metros.counts()).toEqual({ fra: 0, dal: 1, sin: 0 });
    expect(lookups("dal")).toHaveLength(0);
  });

  it("the call's `metro` option routes references without one", async () => {
    const [a, b] = await metros.account().instances.start(["web", { name: "api" }], { metro: "dal" });
    expect([a!.metro, b!.metro]).toEqual(["dal", "dal"]);
    expect(metros.counts()).toEqual({ fra: 0, dal: 1, sin: 0 });
  });

  it("an unknown metro code is a ValidationError before anything is sent", async () => {
    const account = metros.account();
    expect(await rejection(account.instances.get({ name: "api", metro: "nyc" }))).toBeInstanceOf(ValidationError);
    expect(await rejection(account.instances.start(["api"], { metro: "nyc" }))).toBeInstanceOf(ValidationError);
    expect(() => account.instances.follow({ name: "api", metro: "nyc" })).toThrow(ValidationError);
    expect(metros.counts()).toEqual({ fra: 0, dal: 0, sin: 0 });
  });
});

describe("references resolved across metros", () => {
  it("asks every metro with ONE lookup per call for all unresolved references", async () => {
    const out = await metros.account().instances.metrics(["api", "db", { uuid: FRA_UUID }, { name: "web", metro: "fra" }]);
    expect(out.map((m) => m.metro)).toEqual(["dal", "sin", "fra", "fra"]);
    for (const code of ["fra", "dal", "sin"]) {
      const [lookup, ...more] = lookups(code);
      expect(more).toHaveLength(0);
      expect(lookup!.query.getAll("name").sort()).toEqual(["api", "db"]);
      expect(lookup!.query.getAll("uuid")).toEqual([FRA_UUID]);
    }
    // One lookup per metro, then one call per metro with references.
    expect(metros.counts()).toEqual({ fra: 2, dal: 2, sin: 2 });
  });

  it("every resource is looked up at its own endpoint", async () => {
    const account = metros.account();
    expect((await account.templates.get("tpl")).metro).toBe("fra");
    expect((await account.certificates.get("cert")).metro).toBe("fra");
    expect((await account.volumes.get("vol")).metro).toBe("dal");
    expect((await account.serviceGroups.get("sg")).metro).toBe("sin");
    expect(metros.sent("sin").map((r) => r.path)).toEqual(["/v1/instances/templates", "/v1/certificates", "/v1/volumes", "/v1/services", "/v1/services"]);
  });

  it("a name in two metros is an AmbiguousReferenceError listing both; nothing else is sent", async () => {
    const error = await rejection(metros.account().instances.delete("web"));
    expect(error).toBeInstanceOf(AmbiguousReferenceError);
    expect((error as AmbiguousReferenceError).metros).toEqual(["fra", "dal"]);
    expect((error as Error).message).toMatch(/fra, dal/);
    expect(metros.counts()).toEqual({ fra: 1, dal: 1, sin: 1 });
  });

  it("a batch spanning metros with one unknown name: every success, exactly one NotFoundError naming the metros", async () => {
    const refs = ["api", "nope", { name: "db", metro: "sin" }, "web-fra"];
    const error = (await rejection(metros.account().instances.start(refs))) as BatchError<{ name: string; metro: string }, unknown>;
    expect(error).toBeInstanceOf(BatchError);
    expect(error.succeeded.map((i) => [i.name, i.metro])).toEqual([["api", "dal"], ["db", "sin"], ["web-fra", "fra"]]);
    expect(error.failed).toHaveLength(1);
    const [nope] = error.failed as MetroItemFailure[];
    expect(nope).toMatchObject({ ref: "nope", metro: undefined, code: 8 });
    expect(nope!.error).toBeInstanceOf(NotFoundError);
    expect(nope!.error.message).toContain("fra, dal, sin");
    expect(error.succeeded.length + error.failed.length).toBe(refs.length);
  });

  it("an ambiguous name inside a batch fails alone", async () => {
    const error = (await rejection(metros.account().instances.start(["web", "api"]))) as BatchError;
    expect(error.succeeded).toHaveLength(1);
    expect(error.failed.map((f) => f.error.constructor)).toEqual([AmbiguousReferenceError]);
    expect(error.failed[0]!.ref).toBe("web");
  });

  it("with a metro down: a UUID found elsewhere is used, a name is ambiguous, an unknown name is that metro's failure", async () => {
    const account = metros.account({ down: ["sin"] });
    expect(await account.instances.get(FRA_UUID)).toMatchObject({ name: "web-fra", metro: "fra" });
    const ambiguous = (await rejection(account.instances.get("web-fra"))) as AmbiguousReferenceError;
    expect(ambiguous).toBeInstanceOf(AmbiguousReferenceError);
    expect([ambiguous.metros, ambiguous.unreachable]).toEqual([["fra"], ["sin"]]);
    const unknown = (await rejection(account.instances.get("nope"))) as MetroCallError;
    expect(unknown).toBeInstanceOf(MetroCallError);
    expect(unknown.metro).toBe("sin");
    expect(unknown.cause).toBeInstanceOf(APIConnectionError);
    expect(unknown.message).toContain("not found in fra, dal");
  });
});

describe("creates", () => {
  it("without a metro (and no defaultMetro): a ValidationError, nothing sent", async () => {
    const error = await rejection(metros.account().instances.create({ image: "nginx:latest" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe("metro");
    expect(metros.counts()).toEqual({ fra: 0, dal: 0, sin: 0 });
  });

  it("with `{ metro }` only that metro is asked; else defaultMetro", async () => {
    const account = metros.account({ defaultMetro: "dal" });
    const made = await account.instances.create({ image: "nginx:latest", name: "new-one" }, { metro: "sin" });
    expect(made).toMatchObject({ name: "new-one", metro: "sin" });
    expect(metros.counts()).toEqual({ fra: 0, dal: 0, sin: 1 });
    expect((await account.volumes.create({ name: "v", size_mb: 16 })).metro).toBe("dal");
    expect(metros.sent("dal").map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/volumes"]);
  });
});

describe("wait and follow", () => {
  it("wait follows a reference resolved to one metro", async () => {
    const account = metros.account();
    await account.instances.start("api");
    const running = await account.instances.wait("api", { state: "running", timeoutMs: 10_000 });
    expect(running).toMatchObject({ name: "api", state: "running", metro: "dal" });
    expect(metros.sent("dal").some((r) => r.path === "/v1/instances/wait")).toBe(true);
    expect(metros.sent("fra").some((r) => r.path === "/v1/instances/wait")).toBe(false);
  });

  it("follow reads the logs of the metro the reference resolves to", async () => {
    metros.sim("sin").appendLog("db", "hello from sin\n");
    const events = await collect(metros.account().instances.follow("db", { intervalMs: 1 }));
    expect(events.map((e) => (e.type === "data" ? e.text : e.type)).join("")).toBe("hello from sin\n");
    expect(lookups("fra")).toHaveLength(1);
    expect(metros.sent("sin").filter((r) => r.path === "/v1/instances/log").length).toBeGreaterThan(0);
  });
});
