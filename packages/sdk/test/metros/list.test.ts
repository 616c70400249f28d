// Account-wide lists over three simulated metros: every metro paged, every item once with its
// metro, and a failing metro (refused, too slow, 503 storms) reported once, after the others' items.
import { describe, expect, it } from "vitest";
import { APIConnectionError, APITimeoutError, InternalServerError, ValidationError } from "../../src/index";
import { MetroError } from "../../src/metros/index";
import { collect, rejection, useMetros } from "./support";

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ name: `${prefix}-${i}` }));
const metros = useMetros({
  fra: { instances: names("fra", 3), volumes: names("fra-vol", 1) },
  dal: { instances: names("dal", 2) },
  sin: { instances: names("sin", 4), volumes: names("sin-vol", 2) },
});

/** Lists to the end; resolves with the items yielded and the error thrown at the end, if any. */
async function drain<T>(it: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of it) items.push(item);
    return { items, error: undefined };
  } catch (error) {
    return { items, error };
  }
}

const byMetro = (items: { metro: string; name: string }[]) => {
  const out: Record<string, string[]> = {};
  for (const i of items) (out[i.metro] ??= []).push(i.name);
  for (const list of Object.values(out)) list.sort();
  return out;
};

describe("account-wide list", () => {
  it("merges every metro, each item once and tagged with its metro, one request per metro and page", async () => {
    const items = await collect(metros.account().instances.list());
    expect(byMetro(items)).toEqual({ fra: ["fra-0", "fra-1", "fra-2"], dal: ["dal-0", "dal-1"], sin: ["sin-0", "sin-1", "sin-2", "sin-3"] });
    expect(items).toHaveLength(9);
    expect(new Set(items.map((i) => i.uuid)).size).toBe(9);
    expect(metros.counts()).toEqual({ fra: 1, dal: 1, sin: 1 });
    const volumes = await collect(metros.account().volumes.list());
    expect(byMetro(volumes)).toEqual({ fra: ["fra-vol-0"], sin: ["sin-vol-0", "sin-vol-1"] });
  });

  it("pages each metro with its own cursor (nothing skipped or repeated) and bounds the total with limit", async () => {
    const paged = await collect(metros.account().instances.list({ pageSize: 2 }));
    expect(paged).toHaveLength(9);
    expect(new Set(paged.map((i) => `${i.metro}/${i.name}`)).size).toBe(9);
    expect(metros.sent("sin").filter((r) => r.path === "/v1/instances")).toHaveLength(3);
    expect(await collect(metros.account().instances.list({ limit: 4 }))).toHaveLength(4);
  });

  it("asks at most `concurrency` metros at a time and still lists them all", async () => {
    const items = await collect(metros.account({ concurrency: 1 }).instances.list());
    expect(items).toHaveLength(9);
    // One metro after the other: the items of each metro come together.
    const order = items.map((i) => i.metro).filter((m, k, all) => m !== all[k - 1]);
    expect(order).toEqual(["fra", "dal", "sin"]);
  });

  it("a metro that refuses connections: the others' items, then ONE MetroError naming it", async () => {
    const { items, error } = await drain(metros.account({ down: ["dal"] }).instances.list());
    expect(byMetro(items)).toEqual({ fra: ["fra-0", "fra-1", "fra-2"], sin: ["sin-0", "sin-1", "sin-2", "sin-3"] });
    expect(error).toBeInstanceOf(MetroError);
    const e = error as MetroError;
    expect(e.succeeded.sort()).toEqual(["fra", "sin"]);
    expect(e.failed.map((f) => f.metro)).toEqual(["dal"]);
    expect(e.failed[0]!.error).toBeInstanceOf(APIConnectionError);
    expect(e.failed[0]!.yielded).toBe(0);
    expect(e.message).toContain("dal");
    // Nothing lost, nothing twice: every metro is either a success or a failure, once.
    expect(e.succeeded.length + e.failed.length).toBe(3);
  });

  it("a metro slower than the caller's timeout: the others in time, the slow one an APITimeoutError", async () => {
    metros.sim("dal").rule({ method: "GET", path: "/v1/instances", delayMs: 3000, action: { type: "forward" } });
    const started = Date.now();
    const seen: number[] = [];
    const it = metros.account().instances.list({ timeoutMs: 300 });
    const { items, error } = await drain((async function* () {
      for await (const item of it) {
        seen.push(Date.now() - started);
        yield item;
      }
    })());
    expect(byMetro(items)).toEqual({ fra: ["fra-0", "fra-1", "fra-2"], sin: ["sin-0", "sin-1", "sin-2", "sin-3"] });
    // Long before the slow metro would have answered (3 s), and never held for it.
    expect(Math.max(...seen)).toBeLessThan(1000);
    expect(Date.now() - started).toBeLessThan(2000);
    const e = error as MetroError;
    expect(e).toBeInstanceOf(MetroError);
    expect(e.failed).toHaveLength(1);
    expect(e.failed[0]).toMatchObject({ metro: "dal", yielded: 0 });
    expect(e.failed[0]!.error).toBeInstanceOf(APITimeoutError);
  });

  it("a metro answering 503 storms: retried by its own client, then reported for that metro only", async () => {
    const storm = metros.sim("dal").rule({
      method: "GET",
      path: "/v1/instances",
      action: { type: "respond", status: 503, headers: { "retry-after": "0" }, body: { status: "error", message: "Service unavailable", errors: [{ status: 503 }] } },
    });
    const { items, error } = await drain(metros.account({ clients: { dal: { maxRetries: 2 } } }).instances.list());
    expect(storm.hits).toBe(3);
    expect(metros.counts()).toEqual({ fra: 1, dal: 3, sin: 1 });
    expect(items).toHaveLength(7);
    const e = error as MetroError;
    expect(e.failed.map((f) => [f.metro, (f.error as InternalServerError).status])).toEqual([["dal", 503]]);
    expect(e.failed[0]!.error).toBeInstanceOf(InternalServerError);
    expect(e.succeeded.sort()).toEqual(["fra", "sin"]);
  });

  it("a metro failing on a later page: its earlier items are yielded once and counted in `yielded`", async () => {
    const firstPage = metros.sim("sin").rule({ method: "GET", path: "/v1/instances", times: 1, action: { type: "forward" } });
    metros.sim("sin").rule({ method: "GET", path: "/v1/instances", action: { type: "reset" } });
    const { items, error } = await drain(metros.account().instances.list({ pageSize: 2 }));
    expect(firstPage.hits).toBe(1);
    expect(byMetro(items).sin).toHaveLength(2);
    expect(items).toHaveLength(7);
    expect((error as MetroError).failed).toMatchObject([{ metro: "sin", yielded: 2 }]);
  });

  it("wrong options are the caller's ValidationError, once, not a failure of every metro", async () => {
    const error = await rejection(collect(metros.account().serviceGroups.list({ tags: ["x"] } as never)));
    expect(error).toBeInstanceOf(ValidationError);
    expect(metros.counts()).toEqual({ fra: 0, dal: 0, sin: 0 });
  });

  it("breaking out early ends the requests of the other metros", async () => {
    metros.sim("dal").rule({ method: "GET", path: "/v1/instances", delayMs: 5000, action: { type: "forward" } });
    const started = Date.now();
    for await (const item of metros.account().instances.list()) {
      expect(item.metro).not.toBe("dal");
      break;
    }
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
