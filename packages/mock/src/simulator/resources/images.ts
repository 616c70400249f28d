/**
 * Images: a small seeded catalogue (nginx, redis, python, node) with deterministic digests.
 * `GET /v1/images?tag=|digest=` answers the matching catalogue images (all without a filter, an
 * empty list when none match); `POST /v1/images` pins (an unknown URL is "pulled" into the
 * catalogue first, unless `pull_policy: never`: code 8); `DELETE /v1/images` unpins by UUID;
 * `GET /v1/image-store` answers the pinned images, with the same filters.
 */
import { createHash } from "node:crypto";
import type { Rec, Route, Sim, SimRequest } from "../core.js";
import { answer, Code, itemError, itemOk, type Item } from "../envelope.js";

const SEED: { tag: string; description: string; cmd: string[]; ports: string[]; env: string[]; workdir: string; size: number }[] = [
  { tag: "nginx:latest", description: "NGINX web server", cmd: ["/usr/bin/nginx", "-c", "/etc/nginx/nginx.conf"], ports: ["80/tcp"], env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], workdir: "/", size: 12_582_912 },
  { tag: "redis:7.2", description: "Redis in-memory data store", cmd: ["/usr/bin/redis-server", "/etc/redis/redis.conf"], ports: ["6379/tcp"], env: ["PATH=/usr/local/bin:/usr/bin:/bin"], workdir: "/data", size: 9_437_184 },
  { tag: "python:3.12", description: "Python 3.12 interpreter", cmd: ["/usr/bin/python3", "/app/main.py"], ports: ["8080/tcp"], env: ["PATH=/usr/local/bin:/usr/bin:/bin", "PYTHONUNBUFFERED=1"], workdir: "/app", size: 62_914_560 },
  { tag: "node:22", description: "Node.js 22 runtime", cmd: ["/usr/bin/node", "/app/server.js"], ports: ["3000/tcp"], env: ["PATH=/usr/local/bin:/usr/bin:/bin", "NODE_ENV=production"], workdir: "/app", size: 52_428_800 },
];
const EPOCH = "2025-01-01T00:00:00.000Z";

const hash = (text: string) => createHash("sha256").update(text).digest("hex");
const uuidOf = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[parseInt(hex[16]!, 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;

/** A catalogue entry for a tag, with a digest and UUID derived from it (the same on every run). */
function imageRec(tag: string, extra: Partial<(typeof SEED)[number]> = {}): Rec {
  const digest = `sha256:${hash(`ukc-simulator-image:${tag}`)}`;
  return {
    uuid: uuidOf(hash(`ukc-simulator-uuid:${tag}`)),
    name: tag,
    created_at: EPOCH,
    tag,
    digest,
    description: extra.description ?? `Image ${tag}`,
    arch: "x86_64",
    entrypoint: [],
    cmd: extra.cmd ?? [],
    env: extra.env ?? [],
    ports: extra.ports ?? [],
    volumes: [],
    labels: {},
    workdir: extra.workdir ?? "/",
    kernel: { digest: `sha256:${hash(`ukc-simulator-kernel:${tag}`)}`, media_type: "application/vnd.unikraft.kernel.v1", size: 2_097_152 },
    auxiliary_roms: [],
    url: `unikraft.io/library/${tag}`,
    initrd_or_rom: true,
    size_in_bytes: extra.size ?? 8_388_608,
    args: [],
    tags: [tag],
    persistent: false,
  };
}

/** Puts the seeded image catalogue into the state. */
export function seedImages(sim: Sim): void {
  sim.state.images.length = 0;
  for (const s of SEED) sim.state.images.push(imageRec(s.tag, s));
}

/** The tag an image URL or reference names (`unikraft.io/library/nginx:latest` → `nginx:latest`, `nginx` → `nginx:latest`). */
function tagOf(ref: string): string {
  const last = ref.replace(/^[a-z0-9.-]+\.[a-z]+(:\d+)?\//i, "").replace(/^library\//, "");
  const noDigest = last.split("@")[0]!;
  return noDigest.includes(":") ? noDigest : `${noDigest}:latest`;
}

function matches(img: Rec, query: URLSearchParams): boolean {
  const tag = query.get("tag");
  const digest = query.get("digest");
  if (tag && !(img.tag === tag || img.url === tag || img.tag === tagOf(tag) || (img.tags as string[]).includes(tag))) return false;
  if (digest && img.digest !== digest && img.digest !== `sha256:${digest}`) return false;
  return true;
}

const IMAGE_FIELDS = ["tag", "digest", "description", "created_at", "arch", "entrypoint", "cmd", "env", "ports", "volumes", "labels", "workdir", "kernel", "auxiliary_roms", "url", "initrd_or_rom", "size_in_bytes", "args", "tags", "persistent"];

/** The public view of an image (fields of the spec's Image). */
function imageView(img: Rec): Record<string, unknown> {
  return Object.fromEntries(IMAGE_FIELDS.filter((k) => img[k] !== undefined).map((k) => [k, img[k]]));
}

/** The images routes. */
export function imagesRoutes(sim: Sim): Route[] {
  const list = (req: SimRequest, pinnedOnly: boolean) => answer("images", sim.state.images.filter((i) => (!pinnedOnly || i.persistent) && matches(i, req.query)).map(imageView) as Item[]);

  function pin(item: Record<string, unknown>): Item {
    const url = String(item.url ?? "");
    if (!url) return { status: "error", error: Code.Invalid, message: "An image url is required" };
    const tag = tagOf(url);
    let img = sim.state.images.find((i) => i.tag === tag || i.url === url);
    if (!img) {
      if (item.pull_policy === "never") return { status: "error", error: Code.NotFound, message: `No image '${url}' and pull_policy is never` };
      img = imageRec(tag);
      img.created_at = sim.iso();
      sim.state.images.push(img);
    }
    img.persistent = true;
    sim.changed();
    return itemOk({ uuid: img.uuid, name: img.name, created_at: img.created_at, state: "pinned", url: img.url, persistent: true, tags: img.tags });
  }

  function unpin(item: Record<string, unknown>): Item {
    const uuid = String(item.uuid ?? "").toLowerCase();
    const img = sim.state.images.find((i) => i.uuid === uuid);
    if (!img) return itemError({ uuid }, Code.NotFound, `No image with UUID '${uuid}'`);
    img.persistent = false;
    sim.changed();
    return itemOk({ uuid: img.uuid, name: img.name });
  }

  const items = (body: unknown) => (Array.isArray(body) ? body : body && typeof body === "object" ? [body] : []) as Record<string, unknown>[];

  return [
    { method: "GET", path: "/v1/images", handler: (req) => list(req, false) },
    { method: "POST", path: "/v1/images", handler: (req) => answer("images", items(req.body).map(pin)) },
    { method: "DELETE", path: "/v1/images", handler: (req) => answer("images", items(req.body).map(unpin)) },
    { method: "GET", path: "/v1/image-store", handler: (req) => list(req, true) },
  ];
}
