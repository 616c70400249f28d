/**
 * Async iteration over list endpoints. Pages are fetched with `count` and the endpoint's cursor;
 * every item is yielded exactly once and iteration stops cleanly.
 *
 * The cursor `from` of every list endpoint (instances, templates, volumes, service groups,
 * certificates) is INCLUSIVE: the page that starts at the cursor begins with the last item of the
 * previous page. Pages after the first ask for one more item and drop the boundary item, so
 * nothing is yielded twice and nothing is skipped.
 */
import { checkNumber } from "./timing.js";

/** Options of every `list()` method. */
export interface ListOptions {
  /** Page size (`count`). Default 100. */
  pageSize?: number;
  /** Stop after this many items. Default: all. */
  limit?: number;
  /** Include details (`details`). Default true. */
  details?: boolean;
  /** Only resources with these tags (where the endpoint supports tags). */
  tags?: string[];
}

/** Fetches one page: `cursor` is undefined for the first page; `count` the number of items to ask. */
export type FetchPage<T> = (cursor: string | undefined, count: number) => Promise<T[]>;

/**
 * Pages through a list endpoint. `key` gives an item's cursor value (its UUID).
 */
export async function* paginate<T>(
  fetchPage: FetchPage<T>,
  key: (item: T) => string | undefined,
  options: { pageSize?: number | undefined; limit?: number | undefined } = {},
): AsyncGenerator<T, void, undefined> {
  const pageSize = checkNumber("pageSize", options.pageSize ?? 100, 1, Infinity, true);
  const limit = options.limit ?? Infinity;
  if (limit !== Infinity) checkNumber("limit", limit, 0, Infinity, true);
  let yielded = 0;
  let next: string | undefined;
  const seen = new Set<string>();
  while (yielded < limit) {
    const ask = next !== undefined ? pageSize + 1 : pageSize;
    const page = await fetchPage(next, ask);
    let fresh = 0;
    for (const item of page) {
      const id = key(item);
      if (id !== undefined) {
        if (seen.has(id)) continue; // the inclusive cursor's boundary item (or a repeat)
        seen.add(id);
      }
      fresh++;
      yield item;
      if (++yielded >= limit) return;
    }
    const last = page.length ? key(page[page.length - 1]!) : undefined;
    // A short page is the last one; a page with nothing new or no cursor cannot be continued.
    if (page.length < ask || fresh === 0 || last === undefined || last === next) return;
    next = last;
  }
}
