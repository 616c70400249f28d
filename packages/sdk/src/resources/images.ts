/**
 * Images of the registry that instances run: look one up by tag or by digest, or list them.
 */
import type { Image } from "@ukc/api";
import { via, type Context } from "../internal/context.js";
import { envelope } from "../internal/envelope.js";
import { ErrorCode, makeAPIError, ValidationError } from "../core/errors.js";
import type { RequestOptions } from "../internal/transport.js";

/** The digest pattern of the spec (`<algorithm>:<encoded>`). */
export const DIGEST_PATTERN = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
/** Digest algorithms recognised by their prefix, with the length of their hex encoding. */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** True when the value is meant as a digest (`sha256:…`, `sha384:…`, `sha512:…`) rather than a tag. */
export function isDigest(value: string): boolean {
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
  return {
    /**
     * Gets an image by tag (`nginx:latest`, `my-user/my-app:1.0`) or by digest (`sha256:` followed
     * by 64 hex digits), with `GET /v1/images?tag=…` or `?digest=…`. Rejects with a
     * `NotFoundError` when no image matches.
     * @example const img = await ukc.images.get("nginx:latest"); console.log(img.digest, img.arch);
     */
    async get(tagOrDigest: string, options?: RequestOptions): Promise<Image> {
      const query = checkTagOrDigest(tagOrDigest);
      const env = await envelope("GET", ctx.api.GET("/v1/images", { params: { query }, ...via(ctx, options) }));
      const images = env.data?.images ?? [];
      // The image asked for, never another one the answer happens to list first.
      const image = images.find((i) => names(i, query) === true) ?? images.find((i) => names(i, query) === undefined);
      if (!image) {
        // An unknown image is an empty list (or `status: error` with a message): a NotFoundError.
        const other = images.length ? `; the answer lists only ${images.map((i) => `'${i.tag ?? i.digest ?? i.url ?? "?"}'`).join(", ")}` : "";
        const message = `get image: ${env.message ?? `no image '${tagOrDigest}'`}${other}`;
        throw makeAPIError({ status: 200, message, code: ErrorCode.NotFound, errors: env.errors, body: env });
      }
      return image;
    },

    /**
     * Lists the images of the caller's registry namespace (`GET /v1/images`).
     * @example for (const img of await ukc.images.list()) console.log(img.tag, img.digest);
     */
    async list(options?: RequestOptions): Promise<Image[]> {
      const env = await envelope("GET", ctx.api.GET("/v1/images", { ...via(ctx, options) }));
      if (env.status === "error") throw makeAPIError({ status: 200, message: `list images: ${env.message ?? "failed"}`, errors: env.errors, body: env });
      return env.data?.images ?? [];
    },
  };
}

/** The images resource. */
export type Images = ReturnType<typeof images>;
