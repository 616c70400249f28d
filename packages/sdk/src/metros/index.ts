/**
 * One client for the whole account: the resources of several metros behind the methods of the
 * single-metro resources, composed over one {@link UnikraftCloud} client per metro (each keeps
 * its own transport: retries, timeouts and abort apply per metro).
 *
 * - Lists fan out to every metro and yield every item tagged with its `metro`; when metros fail,
 *   the others' items are yielded and then one {@link MetroError} is thrown.
 * - Calls about references resolve each reference to its metro (`{ name, metro }` /
 *   `{ uuid, metro }` say it; otherwise every metro is asked with one lookup per call), group
 *   them per metro, and merge the results in the caller's order, tagged with `metro`. A batch
 *   throws the usual `BatchError` with every success and every failure ({@link MetroItemFailure}).
 * - Creates go to `options.metro`, else to `defaultMetro`; without either, a `ValidationError`.
 *
 * At most `concurrency` metros are asked at a time within one call.
 */
import type { UnikraftCloud } from "../client.js";
import { ConfigurationError, ValidationError } from "../core/errors.js";
import type { ListOptions } from "../internal/resource.js";
import type { RequestOptions } from "../internal/transport.js";
import { CERTIFICATES, INSTANCES, SERVICE_GROUPS, TEMPLATES, VOLUMES } from "../resources/declared.js";
import type { Certificates } from "../resources/certificates.js";
import type { Instances } from "../resources/instances.js";
import type { ServiceGroups } from "../resources/service-groups.js";
import type { Templates } from "../resources/templates.js";
import type { Volumes } from "../resources/volumes.js";
import { byReference, methodOf, prepare, routeOf, splitOptions, tag, type ByRef, type MetroOption } from "./fanout.js";
import { listAll } from "./list.js";
import { checkMetro, limiter } from "./refs.js";
import { resolve, type Lookup, type Metros } from "./resolve.js";
import type { AccountResource } from "./types.js";

export { AmbiguousReferenceError, MetroCallError, MetroError, type MetroFailure, type MetroItemFailure, type MetroRef } from "./errors.js";
export type { MetroOption, WithMetro } from "./fanout.js";
export type { AccountResource, Lift } from "./types.js";

/** Options of {@link accountWide}. */
export interface AccountWideOptions {
  /** The metro creates go to when they do not pass `{ metro }`. Default: none (a create must say). */
  defaultMetro?: string | undefined;
  /** How many metros one call asks at a time. Default 4. */
  concurrency?: number | undefined;
}

/** What a method of a resource is: a list, a create, a call about references, or a stream about one reference. */
type Kind = "list" | "create" | "refs" | "stream";
/** A method's kind and the index of its options argument. */
type How = readonly [Kind, number];

const LIST: How = ["list", 0];
const CREATE: How = ["create", 1];
const REFS: How = ["refs", 1];
const REFS_WITH_ARG: How = ["refs", 2];
const STREAM: How = ["stream", 1];

/** The account-wide resources and their methods. */
const RESOURCES = {
  instances: {
    lookup: INSTANCES,
    methods: { list: LIST, create: CREATE, get: REFS, update: REFS_WITH_ARG, delete: REFS, start: REFS, stop: REFS, suspend: REFS, wait: REFS, waitUntil: REFS_WITH_ARG, logs: REFS, tail: REFS, follow: STREAM, metrics: REFS, history: REFS },
  },
  volumes: { lookup: VOLUMES, methods: { list: LIST, create: CREATE, get: REFS, update: REFS_WITH_ARG, delete: REFS, waitUntil: REFS_WITH_ARG } },
  serviceGroups: { lookup: SERVICE_GROUPS, methods: { list: LIST, create: CREATE, get: REFS, update: REFS_WITH_ARG, delete: REFS } },
  certificates: { lookup: CERTIFICATES, methods: { list: LIST, create: CREATE, get: REFS, update: REFS_WITH_ARG, delete: REFS, waitUntil: REFS_WITH_ARG } },
  templates: { lookup: TEMPLATES, methods: { list: LIST, get: REFS, update: REFS_WITH_ARG, delete: REFS } },
} as const;

type Methods<K extends keyof typeof RESOURCES> = keyof (typeof RESOURCES)[K]["methods"];

/** The resources of the whole account; each method takes `MetroRef`s and returns results tagged with `metro`. */
export interface AccountResources {
  /** The metro codes, in the order given. */
  readonly metros: readonly string[];
  /** The single-metro client of a metro; `ValidationError` for an unknown code. */
  metro(code: string): UnikraftCloud;
  /** Instances of every metro: list, create, get, update, delete, start, stop, suspend, wait, waitUntil, logs, tail, follow, metrics, history. */
  readonly instances: AccountResource<Instances, Methods<"instances">>;
  /** Volumes of every metro: list, create, get, update, delete, waitUntil. */
  readonly volumes: AccountResource<Volumes, Methods<"volumes">>;
  /** Service groups of every metro: list, create, get, update, delete. */
  readonly serviceGroups: AccountResource<ServiceGroups, Methods<"serviceGroups">>;
  /** Certificates of every metro: list, create, get, update, delete, waitUntil. */
  readonly certificates: AccountResource<Certificates, Methods<"certificates">>;
  /** Instance templates of every metro: list, get, update, delete. */
  readonly templates: AccountResource<Templates, Methods<"templates">>;
}

/** Checks the clients and options; every problem is a `ConfigurationError`. */
function configure(clients: Readonly<Record<string, UnikraftCloud>>, options: AccountWideOptions) {
  if (clients === null || typeof clients !== "object" || Object.keys(clients).length === 0) {
    throw new ConfigurationError("accountWide needs at least one metro: { fra: new UnikraftCloud({ metro: 'fra' }), … }");
  }
  const codes = Object.keys(clients);
  for (const code of codes) {
    if (!/^[a-z0-9][a-z0-9-]*$/i.test(code)) throw new ConfigurationError(`metro code '${code}' must be letters, digits and '-', e.g. 'fra'`);
    if (typeof (clients[code] as { request?: unknown } | undefined)?.request !== "function") throw new ConfigurationError(`metro '${code}' must be an UnikraftCloud client`);
  }
  const { defaultMetro, concurrency = 4 } = options ?? {};
  if (defaultMetro !== undefined && !codes.includes(defaultMetro)) throw new ConfigurationError(`defaultMetro '${defaultMetro}' is not one of the metros ${codes.join(", ")}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new ConfigurationError(`concurrency must be an integer >= 1, got ${String(concurrency)}`);
  return { codes, defaultMetro, concurrency };
}

/**
 * The account-wide resources over one client per metro.
 * @example
 * ```ts
 * const account = accountWide({ fra: new UnikraftCloud({ metro: "fra" }), dal: new UnikraftCloud({ metro: "dal" }) }, { defaultMetro: "fra" });
 * for await (const i of account.instances.list()) console.log(i.metro, i.name);
 * await account.instances.stop([{ name: "web", metro: "dal" }, "api"]);
 * const db = await account.instances.create({ image: "postgres:16" }, { metro: "dal" });
 * ```
 */
export function accountWide(clients: Readonly<Record<string, UnikraftCloud>>, options: AccountWideOptions = {}): AccountResources {
  const { codes, defaultMetro, concurrency } = configure(clients, options);
  // Each call has its own limiter: at most `concurrency` metros at a time within it.
  const metros = (): Metros => ({ clients, codes, run: limiter(concurrency) });

  const facade = (resource: keyof typeof RESOURCES) => {
    const { lookup, methods } = RESOURCES[resource] as { lookup: Lookup; methods: Record<string, How> };
    const out: Record<string, unknown> = {};
    for (const [method, [kind, at]] of Object.entries(methods)) {
      const spec: ByRef = { resource, method, at, lookup };
      out[method] =
        kind === "list"
          ? (list: ListOptions = {}) => listAll(codes, concurrency, `list ${lookup.kind}s`, (metro, o) => methodOf(metros(), metro, resource, method)(o) as AsyncIterator<unknown>, list)
          : kind === "create"
            ? async (params: unknown, o?: RequestOptions & MetroOption) => {
                const split = splitOptions(o, codes);
                const metro = split.metro ?? defaultMetro;
                if (metro === undefined) throw new ValidationError("metro", `a create goes to one metro: pass { metro: '${codes[0]}' } (one of ${codes.join(", ")}) or set defaultMetro`);
                return tag(await methodOf(metros(), metro, resource, method)(params, split.options), metro);
              }
            : kind === "stream"
              ? (...args: unknown[]) => stream(metros(), spec, args)
              : (...args: unknown[]) => byReference(metros(), spec, args);
    }
    return out;
  };

  return {
    metros: codes,
    metro: (code) => clients[checkMetro(code, "metro", codes)]!,
    instances: facade("instances") as unknown as AccountResources["instances"],
    volumes: facade("volumes") as unknown as AccountResources["volumes"],
    serviceGroups: facade("serviceGroups") as unknown as AccountResources["serviceGroups"],
    certificates: facade("certificates") as unknown as AccountResources["certificates"],
    templates: facade("templates") as unknown as AccountResources["templates"],
  };
}

/**
 * A stream about one reference (`follow`): the reference is checked at once (a `ValidationError`
 * is thrown synchronously, as by the metro's client), resolved when iteration starts, and then
 * the metro's own stream is yielded.
 */
function stream(m: Metros, spec: ByRef, args: unknown[]): AsyncGenerator<unknown, void, undefined> {
  if (Array.isArray(args[0])) throw new ValidationError("ref", `${spec.method} takes one reference, not an array`);
  const { routed, options, operation } = prepare(m, spec, args);
  return (async function* () {
    const metro = routeOf(await resolve(m, spec.lookup, operation, routed, options as RequestOptions | undefined));
    yield* methodOf(m, metro, spec.resource, spec.method)(routed[0]!.ref, options) as AsyncIterable<unknown>;
  })();
}
