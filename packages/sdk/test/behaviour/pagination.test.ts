// Behaviour of pagination over real HTTP: scripted simulator rules serve fixed lists honouring `count`
// and the INCLUSIVE `from` cursor of every list (templates too: the current contract pages them with
// `from`, not the reference's `from_uuid`), and the SDK must yield every item exactly once, in order.
import { describe, expect, it } from "vitest";
import type { Rule } from "../../../mock/src/simulator/index";
import { syntheticUuid } from "./scenarios";
import { UnikraftCloud } from "../../src/index";
import { collect, sim, simClient, useSimulator, type RecordedRequest } from "./support";

useSimulator();
const client = simClient({ maxRetries: 0 });

type Item = { uuid: string; name: string };
const items = (n: number, kind = "instance"): Item[] => Array.from({ length: n }, (_, i) => ({ uuid: syntheticUuid(i), name: `${kind}-${i + 1}` }));

/**
 * A list endpoint over `list()` (read on every request, so it may change between pages):
 * `count` (0 or absent = all) and the cursor parameter `cursor`, inclusive or exclusive. An
 * unknown cursor answers an empty page.
 */
function listing(path: string, key: string, cursor: "from" | "from_uuid", inclusive: boolean, list: () => Item[]): Rule {
  return {
    id: "list",
    method: "GET",
    path,
    action: {
      type: "handle",
      handler(req) {
        const all = list();
        const count = Number(req.query.get("count") ?? 0);
        const from = req.query.get(cursor);
        let start = 0;
        if (from !== null) {
          const at = all.findIndex((i) => i.uuid === from);
          start = at < 0 ? all.length : inclusive ? at : at + 1;
        }
        const page = all.slice(start, count > 0 ? start + count : undefined).map((i) => ({ status: "success", ...i }));
        return { status: 200, body: { status: "success", data: { [key]: page }, op_time_us: 1 } };
      },
    },
  };
}

const pages = (cursor: string) => sim.requests.map((r: RecordedRequest) => [r.query.get("count"), r.query.get(cursor)]);

type Lister = (ukc: UnikraftCloud, options: { pageSize?: number; limit?: number }) => AsyncIterable<Partial<Item>>;
const LISTS: { label: string; path: string; key: string; list: Lister }[] = [
  { label: "instances.list", path: "/v1/instances", key: "instances", list: (u, o) => u.instances.list(o) },
  { label: "volumes.list", path: "/v1/volumes", key: "volumes", list: (u, o) => u.volumes.list(o) },
  { label: "certificates.list", path: "/v1/certificates", key: "certificates", list: (u, o) => u.certificates.list(o) },
  { label: "templates.list", path: "/v1/instances/templates", key: "instances", list: (u, o) => u.templates.list(o) },
];

describe.each(LISTS)("$label: the inclusive `from` cursor", ({ path, key, list }) => {
  it("5 items, pageSize 2: each exactly once, in order; count 2 then 3 with the boundary item as `from`", async () => {
    const all = items(5);
    sim.rule(listing(path, key, "from", true, () => all));
    const got = (await collect(list(client(), { pageSize: 2 }))) as Item[];
    expect(got.map((i) => i.name)).toEqual(all.map((i) => i.name));
    expect(pages("from")).toEqual([
      ["2", null],
      ["3", all[1]!.uuid],
      ["3", all[3]!.uuid],
    ]);
    for (const r of sim.requests) {
      expect(r.query.get("sortby")).toBe("create_time");
      expect(r.query.get("order")).toBe("asc");
    }
  });

  it("6 items: a last page holding only the boundary item ends the listing", async () => {
    const all = items(6);
    sim.rule(listing(path, key, "from", true, () => all));
    const got = (await collect(list(client(), { pageSize: 2 }))) as Item[];
    expect(got.map((i) => i.uuid)).toEqual(all.map((i) => i.uuid));
    expect(pages("from")).toEqual([
      ["2", null],
      ["3", all[1]!.uuid],
      ["3", all[3]!.uuid],
      ["3", all[5]!.uuid],
    ]);
  });

  it("stops cleanly on an empty page (the cursor item disappeared)", async () => {
    let all = items(5);
    let served = 0;
    sim.rule(
      listing(path, key, "from", true, () => {
        if (served++ === 1) all = all.filter((_, i) => i !== 1); // item 2 is deleted before the second page
        return all;
      }),
    );
    const got = (await collect(list(client(), { pageSize: 2 }))) as Item[];
    expect(got.map((i) => i.name)).toEqual([all[0]!.name, "instance-2"]);
    expect(sim.requests).toHaveLength(2);
  });

  it("an empty list: one request, nothing yielded", async () => {
    sim.rule(listing(path, key, "from", true, () => []));
    expect(await collect(list(client(), { pageSize: 2 }))).toEqual([]);
    expect(pages("from")).toEqual([["2", null]]);
  });

  it("limit stops after that many items without fetching further pages", async () => {
    const all = items(5);
    sim.rule(listing(path, key, "from", true, () => all));
    const got = (await collect(list(client(), { pageSize: 2, limit: 3 }))) as Item[];
    expect(got.map((i) => i.name)).toEqual(all.slice(0, 3).map((i) => i.name));
    expect(pages("from")).toEqual([
      ["2", null],
      ["3", all[1]!.uuid],
    ]);
  });
});

describe("templates.list", () => {
  it("never sends the reference's retired `from_uuid` cursor", async () => {
    const all = items(5, "template");
    sim.rule(listing("/v1/instances/templates", "instances", "from", true, () => all));
    const got = await collect(client().templates.list({ pageSize: 2, tags: ["base"] }));
    expect(got.map((i) => i.name)).toEqual(all.map((i) => i.name));
    expect(sim.requests.every((r) => r.query.get("from_uuid") === null)).toBe(true);
    expect(sim.requests.every((r) => r.query.getAll("tags").join() === "base")).toBe(true);
  });
});
