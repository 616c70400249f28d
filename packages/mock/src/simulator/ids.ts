/**
 * Seedable identifiers: UUIDs and generated names in the API's style (`funky-town-g756b5d`), so
 * a test that seeds the simulator gets the same names and UUIDs on every run.
 */

const ADJECTIVES = ["funky", "quiet", "brave", "lucky", "swift", "jolly", "misty", "sunny", "rusty", "witty", "gentle", "crisp"];
const NOUNS = ["town", "river", "cloud", "meadow", "forest", "harbor", "canyon", "island", "valley", "comet", "garden", "bridge"];
const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A source of identifiers. */
export interface Ids {
  /** A new UUID (version-4 shaped). */
  uuid(): string;
  /** A new generated name, e.g. `funky-town-g756b5d`, optionally with a prefix of its kind. */
  name(kind?: string): string;
  /** Restarts the sequence from a seed. */
  reseed(seed: number): void;
}

/** Creates an identifier source; the same seed gives the same sequence. */
export function createIds(seed = Date.now()): Ids {
  let state = seed >>> 0;
  // mulberry32: small, fast and good enough for identifiers.
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join("");
  return {
    uuid() {
      const variant = "89ab"[Math.floor(next() * 4)];
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
    },
    name(kind) {
      const pick = (list: string[]) => list[Math.floor(next() * list.length)]!;
      const suffix = Array.from({ length: 7 }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join("");
      return `${kind ? `${kind}-` : ""}${pick(ADJECTIVES)}-${pick(NOUNS)}-${suffix}`;
    },
    reseed(seed) {
      state = seed >>> 0;
    },
  };
}
