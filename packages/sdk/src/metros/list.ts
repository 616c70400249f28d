/**
 * Listing across metros: every metro is paged by its own client's `list()` (at most
 * `concurrency` metros at a time) and the items are yielded as their pages arrive, each tagged
 * with its `metro`. Within a metro the order is the metro's (oldest first); metros interleave.
 */
import { ValidationError } from "../core/errors.js";
import type { ListOptions } from "../internal/resource.js";
import { anySignal } from "../internal/timing.js";
import { MetroError, type MetroFailure } from "./errors.js";
import { tag, type WithMetro } from "./fanout.js";

/** One step of one metro's iterator. */
type Step<T> = { metro: string; result: IteratorResult<T>; error?: undefined } | { metro: string; error: { reason: unknown }; result?: undefined };

/**
 * Yields the items of every metro. `open` starts a metro's own `list()` with the options given.
 * When some metros fail, the items of the others are still yielded, then ONE {@link MetroError}
 * is thrown with the metros that succeeded and each failure (and how many of its items had been
 * yielded). A `ValidationError` (the options are wrong, the same in every metro) and the
 * caller's abort are thrown as they are. `limit` bounds the items of all metros together;
 * stopping early (or `break`) ends the other metros' requests in flight.
 */
export async function* listAll<T>(
  codes: readonly string[],
  concurrency: number,
  operation: string,
  open: (metro: string, options: ListOptions) => AsyncIterator<T>,
  options: ListOptions = {},
): AsyncGenerator<WithMetro<T>, void, undefined> {
  const stop = new AbortController();
  const mine: ListOptions = { ...options, signal: anySignal(options.signal, stop.signal) };
  const waiting = [...codes];
  const active = new Map<string, { it: AsyncIterator<T>; next: Promise<Step<T>> }>();
  const yielded = new Map<string, number>(codes.map((c) => [c, 0]));
  const succeeded: string[] = [];
  const failed: MetroFailure[] = [];
  const pull = (metro: string, it: AsyncIterator<T>): Promise<Step<T>> =>
    it.next().then(
      (result) => ({ metro, result }),
      (reason: unknown) => ({ metro, error: { reason } }),
    );
  const fill = () => {
    while (active.size < concurrency && waiting.length > 0) {
      const metro = waiting.shift()!;
      const it = open(metro, mine);
      active.set(metro, { it, next: pull(metro, it) });
    }
  };

  let count = 0;
  try {
    fill();
    while (active.size > 0) {
      const step = await Promise.race([...active.values()].map((a) => a.next));
      const { metro } = step;
      const entry = active.get(metro)!;
      if (step.error || step.result.done) {
        active.delete(metro);
        if (!step.error) succeeded.push(metro);
        else if (step.error.reason instanceof ValidationError || options.signal?.aborted) throw step.error.reason;
        else failed.push({ metro, error: step.error.reason instanceof Error ? step.error.reason : new Error(String(step.error.reason)), yielded: yielded.get(metro)! });
        fill();
        continue;
      }
      yielded.set(metro, yielded.get(metro)! + 1);
      yield tag(step.result.value, metro) as WithMetro<T>;
      if (options.limit !== undefined && ++count >= options.limit) return;
      entry.next = pull(metro, entry.it);
    }
  } finally {
    stop.abort();
    for (const { it } of active.values()) void it.return?.().catch(() => undefined);
  }
  if (failed.length > 0) throw new MetroError(operation, succeeded, failed);
}
