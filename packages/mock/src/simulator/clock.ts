/**
 * The simulator's clock: real time scaled by a speed factor, or a manual clock that moves only
 * when a test calls `advance(ms)`. Every timing of the simulator (boots, stops, drains, waits,
 * certificate issuance) goes through it, so tests of waits are fast and deterministic.
 */

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
  real?: ReturnType<typeof setTimeout>;
}

/** A clock of the simulator. */
export interface Clock {
  /** The simulated time, in milliseconds since the epoch. */
  now(): number;
  /** Runs `fn` after `ms` simulated milliseconds; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
  /** Resolves after `ms` simulated milliseconds, or at once when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Simulated milliseconds per real millisecond (real mode). */
  readonly speed: number;
  /** True when time moves only with {@link Clock.advance}. */
  readonly manual: boolean;
  /** Moves a manual clock forward, firing every timer that falls due, in order. */
  advance(ms: number): Promise<void>;
  /** Switches between real time at `speed` and a manual clock; pending timers are kept. */
  configure(options: { speed?: number; manual?: boolean }): void;
  /** Cancels every pending timer (on stop and reset). */
  clear(): void;
}

/** Creates a clock. `speed` 1 is real time; `manual` stops time until `advance()`. */
export function createClock(options: { speed?: number; manual?: boolean } = {}): Clock {
  let speed = checkSpeed(options.speed ?? 1);
  let manual = options.manual ?? false;
  let base = Date.now(); // simulated time at `realBase`
  let realBase = Date.now();
  let seq = 0;
  const timers = new Set<Timer>();

  const now = () => (manual ? base : base + (Date.now() - realBase) * speed);

  function arm(t: Timer) {
    if (manual) return;
    const delay = Math.max(0, (t.at - now()) / speed);
    t.real = setTimeout(() => fire(t), delay);
    t.real.unref?.();
  }
  function fire(t: Timer) {
    if (!timers.delete(t)) return;
    t.fn();
  }

  const clock: Clock = {
    now,
    get speed() {
      return speed;
    },
    get manual() {
      return manual;
    },
    after(ms, fn) {
      const t: Timer = { at: now() + Math.max(0, ms), seq: seq++, fn };
      timers.add(t);
      arm(t);
      return () => {
        if (t.real) clearTimeout(t.real);
        timers.delete(t);
      };
    },
    sleep(ms, signal) {
      return new Promise((resolve) => {
        if (signal?.aborted) return resolve();
        const cancel = clock.after(ms, () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        });
        const onAbort = () => {
          cancel();
          resolve();
        };
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    },
    async advance(ms) {
      if (!manual) throw new Error("@ukc/mock: advance() needs the manual clock (clock: { manual: true })");
      if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError(`@ukc/mock: advance(ms) needs a non-negative number, got ${ms}`);
      const end = base + ms;
      for (;;) {
        const due = [...timers].filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
        if (!due) break;
        base = Math.max(base, due.at);
        fire(due);
        // Let the work a timer started (promise chains) run before the next one fires.
        await new Promise((r) => setImmediate(r));
      }
      base = end;
      await new Promise((r) => setImmediate(r));
    },
    configure(next) {
      const current = now();
      base = current;
      realBase = Date.now();
      if (next.speed !== undefined) speed = checkSpeed(next.speed);
      if (next.manual !== undefined) manual = next.manual;
      for (const t of timers) {
        if (t.real) clearTimeout(t.real);
        t.real = undefined;
        arm(t);
      }
    },
    clear() {
      for (const t of timers) if (t.real) clearTimeout(t.real);
      timers.clear();
    },
  };
  return clock;
}

function checkSpeed(speed: number): number {
  if (!(Number.isFinite(speed) && speed > 0)) throw new RangeError(`@ukc/mock: clock speed must be a positive number, got ${speed}`);
  return speed;
}
