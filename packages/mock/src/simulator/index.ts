/**
 * The stateful simulator of Unikraft Cloud: an in-memory platform behind the API, one module per
 * resource, with a control surface for tests (reset, seed, state, clock, faults, logs, crashes,
 * journal) in-process and over HTTP under `/_sim/`, and scripted rules (`rule()`, in-process only).
 */
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createMemberCheck } from "./members.js";
import { createClock } from "./clock.js";
import { createSim, emptyState, publicView, type Rec, type Sim, type SimOptions, type State, type Timings } from "./core.js";
import { data, failure, type SimResponse } from "./envelope.js";
import { createFaults, type FaultRule } from "./faults.js";
import { createIds } from "./ids.js";
import { createSimServer, type JournalEntry } from "./server.js";
import { createScripting, type Rule, type RuleHandle } from "./scripting.js";
import { appendLog, crash, instancesRoutes } from "./resources/instances.js";
import { templatesRoutes } from "./resources/templates.js";
import { checkpointsRoutes } from "./resources/checkpoints.js";
import { volumesRoutes } from "./resources/volumes.js";
import { serviceGroupsRoutes } from "./resources/service-groups.js";
import { autoscaleRoutes } from "./resources/autoscale.js";
import { certificatesRoutes } from "./resources/certificates.js";
import { imagesRoutes, seedImages } from "./resources/images.js";
import { quotasRoutes } from "./resources/quotas.js";
import { healthRoutes } from "./resources/health.js";

export type { FaultRule, FaultAction } from "./faults.js";
export type { JournalEntry } from "./server.js";
export type { Rule, RuleAction, RuleHandle, ScriptAnswer, ScriptRequest, SimAnswer } from "./scripting.js";
export type { Timings } from "./core.js";

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** Loopback host. Default `127.0.0.1`. */
  host?: string;
  /** Port. Default: a free one. */
  port?: number;
  /** The OpenAPI document whose request schemas say which body fields exist. Default: the one this package ships. */
  spec?: string;
  /** Seed of generated names and UUIDs. Default: the time of start. */
  seed?: number;
  /** The clock: `speed` (simulated ms per real ms, default 1) or `manual: true` (moves with `advance`). */
  clock?: { speed?: number; manual?: boolean };
  /** Timings of boots, stops, volume and certificate readiness, server-held waits. */
  timings?: Partial<Timings>;
  /** Bytes of log kept per instance (older bytes are dropped). Default 1 MiB. */
  logRetentionBytes?: number;
  /** Quotas enforced on create. */
  quotas?: Partial<SimOptions["quotas"]>;
  /** Initial state, as `seed()` takes it. */
  fixture?: Fixture;
}

/** State to seed: resources as the API returns them (uuid, name and created_at are filled in when missing). */
export interface Fixture {
  instances?: Record<string, unknown>[];
  templates?: Record<string, unknown>[];
  volumes?: Record<string, unknown>[];
  serviceGroups?: Record<string, unknown>[];
  certificates?: Record<string, unknown>[];
  images?: Record<string, unknown>[];
}

/** A running simulator and its controls. */
export interface Simulator {
  /** Base URL of the simulator itself (no Prism in front), e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Forgets every resource, fault, scripted rule and journal entry; reseeds the images catalogue. */
  reset(): void;
  /** Adds resources from a fixture. */
  seed(fixture: Fixture): void;
  /** A copy of the whole state, as the API would show it. */
  state(): Record<string, unknown[]>;
  /** Moves the manual clock forward, firing what falls due. */
  advance(ms: number): Promise<void>;
  /** Changes the clock: `speed`, or `manual`. */
  setClock(options: { speed?: number; manual?: boolean }): void;
  /** Arms a fault; returns its id. */
  fault(rule: FaultRule): number;
  /** Disarms every fault and removes every scripted rule. */
  clearFaults(): void;
  /**
   * Adds a scripted rule after the existing ones (in-process only: actions may be functions). The
   * first rule with times left that matches a request acts on it, before the simulated platform
   * (auth, faults, routes) sees it; see scripting.ts.
   */
  rule(rule: Rule): RuleHandle;
  /** Appends bytes (or UTF-8 text) to an instance's log. */
  appendLog(ref: string, chunk: string | Uint8Array): void;
  /** Makes a running instance crash: it stops with the application's exit code. */
  crash(ref: string, exitCode?: number): void;
  /** The requests received so far (method, path, query, headers, body, status, ruleId, forwarded), in arrival order. */
  journal(): JournalEntry[];
  /** Empties the journal. */
  clearJournal(): void;
  /** Stops the server and every timer. */
  stop(): Promise<void>;
}

declare const __dirname: string | undefined;

/** The spec next to the built package (`dist/../openapi.yaml`), or the repository's when run from source. */
function bundledSpec(): string | undefined {
  const here = typeof __dirname === "string" ? __dirname : dirname(fileURLToPath(import.meta.url));
  return [join(here, "..", "openapi.yaml"), join(here, "..", "..", "..", "..", "spec", "openapi.yaml")].find((f) => existsSync(f));
}

const DEFAULT_TIMINGS: Timings = { bootMs: 300, stopMs: 200, volumeInitMs: 200, certificateMs: 1000, maxServerWaitMs: 10_000 };
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

/** Starts the simulator on a loopback port. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? "127.0.0.1";
  if (!LOOPBACK.has(host)) throw new Error(`@ukc/mock: host '${host}' is not a loopback address; use 127.0.0.1, ::1 or localhost`);
  const clock = createClock(options.clock);
  const ids = createIds(options.seed);
  const faults = createFaults();
  const scripting = createScripting();
  const journal: JournalEntry[] = [];
  const simOptions: SimOptions = {
    timings: { ...DEFAULT_TIMINGS, ...options.timings },
    logRetentionBytes: options.logRetentionBytes ?? 1 << 20,
    logPageBytes: 16_383,
    quotas: { instances: 64, live_memory_mb: 16_384, volumes: 64, total_volume_mb: 65_536, service_groups: 32, ...options.quotas },
  };
  const sim = createSim({ clock, ids, faults, options: simOptions });
  seedImages(sim);

  const routes = [
    ...instancesRoutes(sim),
    ...templatesRoutes(sim),
    ...checkpointsRoutes(sim),
    ...volumesRoutes(sim),
    ...serviceGroupsRoutes(sim),
    ...autoscaleRoutes(sim),
    ...certificatesRoutes(sim),
    ...imagesRoutes(sim),
    ...quotasRoutes(sim),
    ...healthRoutes(sim),
  ];

  const control: Simulator = {
    url: "",
    reset() {
      clock.clear();
      Object.assign(sim.state, emptyState());
      faults.clear();
      scripting.clear();
      journal.length = 0;
      seedImages(sim);
      sim.changed();
    },
    seed(fixture) {
      seedState(sim, fixture);
      sim.changed();
    },
    state() {
      const view = (m: Map<string, Rec> | Rec[]) => [...(Array.isArray(m) ? m : m.values())].map(publicView);
      const s: State = sim.state;
      return {
        instances: view(s.instances),
        templates: view(s.templates),
        checkpoints: view(s.checkpoints),
        volumes: view(s.volumes),
        volumeTemplates: view(s.volumeTemplates),
        serviceGroups: view(s.serviceGroups),
        autoscale: view(s.autoscale),
        certificates: view(s.certificates),
        images: view(s.images),
      };
    },
    advance: (ms) => clock.advance(ms),
    setClock: (o) => clock.configure(o),
    fault: (rule) => faults.add(rule),
    clearFaults: () => {
      faults.clear();
      scripting.clear();
    },
    rule: (rule) => scripting.add(rule),
    appendLog: (ref, chunk) => appendLog(sim, ref, chunk),
    crash: (ref, exitCode = 1) => crash(sim, ref, exitCode),
    journal: () => journal.map((e) => ({ ...e })),
    clearJournal: () => void (journal.length = 0),
    async stop() {
      clock.clear();
      scripting.dispose();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
    },
  };

  const members = await createMemberCheck(options.spec ?? bundledSpec());
  const server = createSimServer({
    routes,
    faults,
    scripting,
    journal,
    iso: sim.iso,
    sleep: (ms, signal) => clock.sleep(ms, signal),
    control: (m, p, b) => controlRequest(control, m, p, b),
    unknownFields: (method, template, body) => members.unknown(method, template, body),
  });
  if (options.fixture) control.seed(options.fixture);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  control.url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return control;
}

/** Fills in what a seeded resource lacks and stores it. */
function seedState(sim: Sim, fixture: Fixture): void {
  const add = (map: Map<string, Rec>, list: Record<string, unknown>[] | undefined, kind: string, defaults: Record<string, unknown>) => {
    for (const item of list ?? []) {
      const rec = { uuid: sim.ids.uuid(), name: sim.ids.name(kind), created_at: sim.iso(), ...defaults, ...item } as Rec;
      rec.uuid = rec.uuid.toLowerCase();
      map.set(rec.uuid, rec);
    }
  };
  add(sim.state.instances, fixture.instances, "", { state: "stopped", image: "nginx:latest", memory_mb: 128, vcpus: 1 });
  add(sim.state.templates, fixture.templates, "template", { state: "template", image: "nginx:latest", memory_mb: 128, vcpus: 1 });
  add(sim.state.volumes, fixture.volumes, "vol", { state: "available", size_mb: 64, persistent: true });
  add(sim.state.serviceGroups, fixture.serviceGroups, "sg", { persistent: true, services: [], domains: [], instances: [] });
  add(sim.state.certificates, fixture.certificates, "cert", { state: "valid" });
  for (const image of fixture.images ?? []) sim.state.images.push({ uuid: sim.ids.uuid(), name: String(image.tag ?? "image"), created_at: sim.iso(), ...image } as Rec);
}

/** The HTTP form of the controls, under `/_sim/`. */
async function controlRequest(c: Simulator, method: string, path: string, body: unknown): Promise<SimResponse | undefined> {
  const b = (body ?? {}) as Record<string, unknown>;
  try {
    const logMatch = path.match(/^\/_sim\/instances\/([^/]+)\/(log|crash)$/);
    if (method === "POST" && logMatch) {
      const ref = decodeURIComponent(logMatch[1]!);
      if (logMatch[2] === "log") {
        const chunk = typeof b.base64 === "string" ? Buffer.from(b.base64, "base64") : String(b.text ?? "");
        c.appendLog(ref, chunk);
      } else c.crash(ref, typeof b.exit_code === "number" ? b.exit_code : 1);
      return data({});
    }
    switch (`${method} ${path}`) {
      case "POST /_sim/reset":
        c.reset();
        return data({});
      case "POST /_sim/seed":
        c.seed(b as Fixture);
        return data({});
      case "GET /_sim/state":
        return data(c.state());
      case "POST /_sim/clock":
        if (b.speed !== undefined || b.manual !== undefined) c.setClock({ ...(b.speed !== undefined ? { speed: Number(b.speed) } : {}), ...(b.manual !== undefined ? { manual: Boolean(b.manual) } : {}) });
        if (b.advance !== undefined) await c.advance(Number(b.advance));
        return data({});
      case "POST /_sim/faults":
        return data({ id: c.fault(b as unknown as FaultRule) });
      case "DELETE /_sim/faults":
        c.clearFaults();
        return data({});
      case "GET /_sim/journal":
        return data({ requests: c.journal() });
      case "DELETE /_sim/journal":
        c.clearJournal();
        return data({});
      default:
        return undefined;
    }
  } catch (error) {
    return failure(400, error instanceof Error ? error.message : String(error));
  }
}
