/**
 * Images of the registry that instances run: look one up by tag or digest, list them, pin and
 * unpin them (keep them cached in the metro), and look them up in the image store.
 */
import type * as api from "@ukc/api";
import { makeAPIError, ValidationError } from "../core/errors.js";
import { isUUID } from "../core/refs.js";
import type { Named } from "../core/types.js";
import { call, itemsOf, remember, type Context } from "../internal/call.js";
import { answerFor } from "../internal/resource.js";
import type { RequestOptions } from "../internal/transport.js";
import { validateBody } from "../internal/validate.js";

type Image = api.Image;

/** The digest pattern of the spec (`<algorithm>:<encoded>`). */
const DIGEST_PATTERN = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
/** Digest algorithms recognised by their prefix, with the length of their hex encoding. */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** True when the value is meant as a digest (`sha256:…`, `sha384:…`, `sha512:…`) rather than a tag. */
function isDigest(value: string): boolean {
  return /^sha(256|384|512):/.test(value);
}

/** Checks an image reference: a tag, or a digest when it starts with `sha256:` (and the like). */
function checkTagOrDigest(tagOrDigest: unknown): { tag: string } | { digest: string } {
  if (typeof tagOrDigest !== "string" || tagOrDigest.trim() === "") {
    throw new ValidationError("tagOrDigest", "give an image tag such as 'nginx:latest' or a digest such as 'sha256:…'");
  }
  if (tagOrDigest.trim() !== tagOrDigest || /\s/.test(tagOrDigest)) {
    throw new ValidationError("tagOrDigest", `'${tagOrDigest}' contains white space`);
  }
  if (!isDigest(tagOrDigest)) return { tag: tagOrDigest };
  const [algorithm, hex] = tagOrDigest.split(":") as [string, string];
  if (!DIGEST_PATTERN.test(tagOrDigest) || !new RegExp(`^[0-9a-f]{${DIGEST_HEX_LENGTH[algorithm]}}$`).test(hex)) {
    throw new ValidationError("tagOrDigest", `'${tagOrDigest}' is not a ${algorithm} digest: expected ${DIGEST_HEX_LENGTH[algorithm]} lower-case hex digits after '${algorithm}:'`);
  }
  return { digest: tagOrDigest };
}

/**
 * Whether an image of an answer is the one asked for: true when its tag, tags, URL or digest name
 * it, false when they name another image, undefined when it carries none of them.
 */
function names(image: Image, query: { tag: string } | { digest: string }): boolean | undefined {
  if ("digest" in query) {
    if (image.digest === undefined && image.url === undefined && image.tags === undefined) return undefined;
    return image.digest === query.digest || image.tags?.includes(query.digest) === true || image.url?.endsWith(`@${query.digest}`) === true;
  }
  const { tag } = query;
  if (image.tag === undefined && image.tags === undefined && image.url === undefined) return undefined;
  return image.tag === tag || image.tags?.includes(tag) === true || image.url === tag || image.url?.endsWith(`/${tag}`) === true;
}

/** Images of Unikraft Cloud. */
export function images(ctx: Context) {
  /** The image of an answer that is the one asked for, or a NotFoundError naming what the answer lists. */
  function pick(list: Image[], query: { tag: string } | { digest: string }, asked: string, message: string | undefined, env: unknown): Image {
    const image = list.find((i) => names(i, query) === true) ?? list.find((i) => names(i, query) === undefined);
    if (image) return image;
    const other = list.length ? `; the answer lists only ${list.map((i) => `'${i.tag ?? i.digest ?? i.url ?? "?"}'`).join(", ")}` : "";
    throw makeAPIError({ status: 200, message: `get image: ${message ?? `no image '${asked}'`}${other}`, code: 8 /* ErrorCode.NotFound */, body: env });
  }

  /** One image by tag or digest from `path` (the registry, or the image store). */
  async function lookUp(path: string, tagOrDigest: string, options?: RequestOptions): Promise<Image> {
    const query = checkTagOrDigest(tagOrDigest);
    const answer = await call(ctx, { method: "GET", path, query }, options);
    const { items = [], message } = itemsOf<Image>(answer, "images");
    return remember(pick(items, query, tagOrDigest, message, answer.env), answer.response);
  }

  return {
    /**
     * Gets an image by tag (`nginx:latest`, `my-user/my-app:1.0`) or by digest (`sha256:` and 64
     * hex digits). Rejects with a `NotFoundError` when no image matches.
     * @example const img = await ukc.images.get("nginx:latest"); console.log(img.digest, img.arch);
     */
    get: (tagOrDigest: string, options?: RequestOptions): Promise<Image> => lookUp("/v1/images", tagOrDigest, options),

    /**
     * Lists the images of the caller's registry namespace.
     * @example for (const img of await ukc.images.list()) console.log(img.tag, img.digest);
     */
    async list(options?: RequestOptions): Promise<Image[]> {
      const answer = await call(ctx, { method: "GET", path: "/v1/images" }, options);
      if (answer.env.status === "error") throw makeAPIError({ status: 200, message: `list images: ${answer.env.message ?? "failed"}`, errors: answer.env.errors, body: answer.env });
      return remember(itemsOf<Image>(answer, "images").items ?? [], answer.response);
    },

    /**
     * Pins one or many images (keeps them pulled and cached in the metro, so instances start
     * without a pull): each by `url` with a pull `timeout_s`, checked against the spec first.
     * Resolves with one result per image, in order.
     * @example await ukc.images.pin({ url: "nginx:latest", timeout_s: 60 });
     */
    pin: (async (input: api.PinImageRequestItem | readonly api.PinImageRequestItem[], options?: RequestOptions) => {
      const many = Array.isArray(input);
      const list = (many ? input : [input]) as readonly api.PinImageRequestItem[];
      if (list.length === 0) throw new ValidationError("params", "no images given; pass at least one { url, timeout_s }");
      list.forEach((item, i) => validateBody("pinImages", item, many ? `params[${i}]` : "params"));
      const answer = await call(ctx, { method: "POST", path: "/v1/images", body: list }, options);
      return answerFor<Named<api.PinImagesResponseImage>, api.PinImageRequestItem>("pin image", answer, "images", list, list.map(() => undefined), many);
    }) as {
      (params: api.PinImageRequestItem, options?: RequestOptions): Promise<Named<api.PinImagesResponseImage>>;
      (params: readonly api.PinImageRequestItem[], options?: RequestOptions): Promise<Named<api.PinImagesResponseImage>[]>;
    },

    /**
     * Unpins one or many pinned images, by the UUID `pin()` returned.
     * @example await ukc.images.unpin(pinned.uuid);
     */
    unpin: (async (input: string | readonly string[], options?: RequestOptions) => {
      const many = Array.isArray(input);
      const list = (many ? input : [input]) as readonly string[];
      if (list.length === 0) throw new ValidationError("uuid", "no images given; pass the UUID of a pinned image");
      list.forEach((uuid, i) => {
        if (typeof uuid !== "string" || !isUUID(uuid)) throw new ValidationError(many ? `uuid[${i}]` : "uuid", `'${String(uuid)}' is not a UUID; unpin takes the UUID of a pinned image`);
      });
      const refs = list.map((uuid) => ({ uuid: uuid.toLowerCase() }));
      const answer = await call(ctx, { method: "DELETE", path: "/v1/images", body: refs }, options);
      return answerFor<Named<api.UnpinImagesResponseImage>, string>("unpin image", answer, "images", list, refs, many);
    }) as {
      (uuid: string, options?: RequestOptions): Promise<Named<api.UnpinImagesResponseImage>>;
      (uuids: readonly string[], options?: RequestOptions): Promise<Named<api.UnpinImagesResponseImage>[]>;
    },

    /**
     * Looks an image up in the image store (the shared catalogue) by tag or digest.
     * @example const img = await ukc.images.store("nginx:latest");
     */
    store: (tagOrDigest: string, options?: RequestOptions): Promise<Image> => lookUp("/v1/image-store", tagOrDigest, options),
  };
}

/** The images resource. */
export type Images = ReturnType<typeof images>;
