/**
 * `UnikraftCloudAccount`: one client for the whole account. It makes one {@link UnikraftCloud}
 * per metro (each with its own transport: token, retries, timeouts) and puts the account-wide
 * resources of {@link accountWide} in front of them.
 */
import { UnikraftCloud } from "../client.js";
import { ConfigurationError } from "../core/errors.js";
import { readEnv, type ClientOptions } from "../internal/config.js";
import { accountWide, type AccountResources } from "./index.js";

/** Options of {@link UnikraftCloudAccount}: those of every metro's client, the metros, and the fan-out. */
export interface AccountOptions extends Omit<ClientOptions, "baseUrl"> {
  /**
   * The metros of the account: codes (`["fra", "dal"]`), or codes mapped to base URLs for
   * self-hosted deployments and tests (`{ fra: "http://127.0.0.1:4010" }`). Default: the
   * `UKC_METROS` environment variable (`fra,dal,sin`).
   */
  metros?: readonly string[] | Readonly<Record<string, string>>;
  /** Where creates go when they do not say `{ metro }`. Default: `metro`, else `UKC_METRO` when it is one of the metros. */
  metro?: string;
  /** How many metros one call asks at a time. Default 4. */
  concurrency?: number;
}

/** The metros as code → client options (a metro code, or a base URL). */
function metrosOf(metros: AccountOptions["metros"]): [string, { metro?: string; baseUrl?: string }][] {
  const given = metros ?? readEnv("UKC_METROS")?.split(",").map((code) => code.trim()).filter(Boolean);
  if (given === undefined) throw new ConfigurationError("no metros: pass { metros: ['fra', 'dal'] } or set UKC_METROS=fra,dal");
  if (Array.isArray(given)) return (given as string[]).map((code) => [code, { metro: code }]);
  if (typeof given !== "object" || given === null) throw new ConfigurationError("option 'metros' must be a list of metro codes or an object of metro codes to base URLs");
  return Object.entries(given as Record<string, string>).map(([code, baseUrl]) => [code, { baseUrl }]);
}

/**
 * The Unikraft Cloud client of a whole account: lists merge every metro (each item tagged with
 * its `metro`); calls by name or UUID find the metro of each reference (or take the one the
 * reference names: `{ name, metro }`); creates go to one metro. When some metros fail, the
 * others' results still come back, and each failure says which metro and why.
 *
 * @example
 * ```ts
 * import { UnikraftCloudAccount } from "@ukc/sdk";
 * const account = new UnikraftCloudAccount({ metros: ["fra", "dal"], metro: "fra" }); // or UKC_METROS
 * for await (const i of account.instances.list()) console.log(i.metro, i.name);
 * await account.instances.stop(["web", { name: "api", metro: "dal" }]);
 * const dal = account.metro("dal"); // an UnikraftCloud pinned to dal
 * ```
 */
export class UnikraftCloudAccount {
  /** The metro codes, in the order given. */
  readonly metros: readonly string[];
  /** Instances of every metro. */
  readonly instances: AccountResources["instances"];
  /** Volumes of every metro. */
  readonly volumes: AccountResources["volumes"];
  /** Service groups of every metro. */
  readonly serviceGroups: AccountResources["serviceGroups"];
  /** Certificates of every metro. */
  readonly certificates: AccountResources["certificates"];
  /** Instance templates of every metro. */
  readonly templates: AccountResources["templates"];

  readonly #account: AccountResources;

  constructor(options: AccountOptions = {}) {
    if (options === null || typeof options !== "object" || Array.isArray(options)) throw new ConfigurationError("options must be an object, e.g. new UnikraftCloudAccount({ metros: ['fra', 'dal'] })");
    const { metros, metro, concurrency, ...client } = options;
    if ("baseUrl" in client) throw new ConfigurationError("an account has one base URL per metro: pass { metros: { fra: 'https://…' } } instead of baseUrl");
    const clients = Object.fromEntries(metrosOf(metros).map(([code, target]) => [code, new UnikraftCloud({ ...client, ...target })]));
    const env = readEnv("UKC_METRO");
    if (metro !== undefined && !(metro in clients)) throw new ConfigurationError(`option 'metro' ('${metro}') must be one of the metros ${Object.keys(clients).join(", ")}: it is where creates go by default`);
    const defaultMetro = metro ?? (env !== undefined && env in clients ? env : undefined);
    this.#account = accountWide(clients, { defaultMetro, concurrency });
    this.metros = this.#account.metros;
    this.instances = this.#account.instances;
    this.volumes = this.#account.volumes;
    this.serviceGroups = this.#account.serviceGroups;
    this.certificates = this.#account.certificates;
    this.templates = this.#account.templates;
  }

  /** The single-metro client of one metro (every resource, unchanged); `ValidationError` for an unknown code. @example const dal = account.metro("dal"); */
  metro(code: string): UnikraftCloud {
    return this.#account.metro(code);
  }

  /** A readable form that never includes the token. */
  toJSON(): { metros: Record<string, string> } {
    return { metros: Object.fromEntries(this.metros.map((code) => [code, this.#account.metro(code).baseUrl])) };
  }
}
