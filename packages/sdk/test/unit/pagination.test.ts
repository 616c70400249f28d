import { describe, expect, it } from "vitest";
import { paginate } from "../../src/internal/pagination";

interface Item {
  uuid: string;
}
const items: Item[] = Array.from({ length: 23 }, (_, i) => ({ uuid: `u${String(i).padStart(2, "0")}` }));

/** A server with an inclusive `from` cursor (the item named is returned first). */
function inclusiveServer() {
  const calls: { from: string | undefined; count: number }[] = [];
  const fetchPage = async (from: string | undefined, count: number) => {
    calls.push({ from, count });
    const start = from === undefined ? 0 : items.findIndex((i) => i.uuid === from);
    return items.slice(start, start + count);
  };
  return { calls, fetchPage };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe("paginate", () => {
  it("yields every item exactly once over an inclusive cursor, dropping each page's boundary item", async () => {
    const server = inclusiveServer();
    const got = await collect(paginate(server.fetchPage, (i) => i.uuid, { pageSize: 5 }));
    expect(got.map((i) => i.uuid)).toEqual(items.map((i) => i.uuid));
    expect(server.calls[0]).toEqual({ from: undefined, count: 5 });
    expect(server.calls[1]).toEqual({ from: "u04", count: 6 });
    expect(server.calls).toHaveLength(5);
  });

  it("stops at a page size that divides the total without an endless loop", async () => {
    const server = inclusiveServer();
    const got = await collect(paginate(server.fetchPage, (i) => i.uuid, { pageSize: 23 }));
    expect(got).toHaveLength(23);
    expect(server.calls).toHaveLength(2);
  });

  it("honours limit and stops fetching", async () => {
    const server = inclusiveServer();
    const got = await collect(paginate(server.fetchPage, (i) => i.uuid, { pageSize: 5, limit: 7 }));
    expect(got.map((i) => i.uuid)).toEqual(items.slice(0, 7).map((i) => i.uuid));
    expect(server.calls).toHaveLength(2);
  });

  it("stops when a server ignores the cursor and repeats a page", async () => {
    let calls = 0;
    const got = await collect(
      paginate(async () => (calls++, items.slice(0, 5)), (i) => i.uuid, { pageSize: 5 }),
    );
    expect(got).toHaveLength(5);
    expect(calls).toBe(2);
  });

  it("validates pageSize and limit", async () => {
    await expect(collect(paginate(async () => [], (i: Item) => i.uuid, { pageSize: 0 }))).rejects.toThrow(/pageSize/);
    await expect(collect(paginate(async () => [], (i: Item) => i.uuid, { limit: -1 }))).rejects.toThrow(/limit/);
  });
});
