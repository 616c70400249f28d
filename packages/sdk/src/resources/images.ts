/**
 * Images of the registry that instances run: look one up by tag or by digest.
 */
import type { Image } from "@ukc/api";
import { via, type Context } from "../context.js";
import { envelope } from "../envelope.js";
import { ErrorCode, makeAPIError, ValidationError } from "../errors.js";
import type { RequestOptions } from "../transport.js";

/** The digest pattern of the spec (`<algorithm>:<encoded>`). */
export const DIGEST_PATTERN = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
/** Digest algorithms recognised by their prefix, with the length of their hex encoding. */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** True when the value is meant as a digest (`sha256:…`, `sha384:…`, `sha512:…`) rather than a tag. */
export function isDigest(value: string): boolean {
  return /^sha(256|384|512):/.test(value);
}

/** Images of Unikraft Cloud. */
export function images(ctx: Context) {
  return {
    /**
     * Gets an image by tag (`nginx:latest`, `my-user/my-app:1.0`) or by digest (`sha256:` followed
     * by 64 hex digits). The tag travels as one percent-encoded path segment.
     * @example const img = await ukc.images.get("nginx:latest"); console.log(img.digest, img.arch);
     */
    async get(tagOrDigest: string, options?: RequestOptions): Promise<Image> {
      if (typeof tagOrDigest !== "string" || tagOrDigest.trim() === "") {
        throw new ValidationError("tagOrDigest", "give an image tag such as 'nginx:latest' or a digest such as 'sha256:…'");
      }
      if (tagOrDigest.trim() !== tagOrDigest || /\s/.test(tagOrDigest)) {
        throw new ValidationError("tagOrDigest", `'${tagOrDigest}' contains white space`);
      }
      let env;
      if (isDigest(tagOrDigest)) {
        const [algorithm, hex] = tagOrDigest.split(":") as [string, string];
        if (!DIGEST_PATTERN.test(tagOrDigest) || !new RegExp(`^[0-9a-f]{${DIGEST_HEX_LENGTH[algorithm]}}$`).test(hex)) {
          throw new ValidationError("tagOrDigest", `'${tagOrDigest}' is not a ${algorithm} digest: expected ${DIGEST_HEX_LENGTH[algorithm]} lower-case hex digits after '${algorithm}:'`);
        }
        env = await envelope("GET", ctx.api.GET("/v1/images/digest/{digest}", { params: { path: { digest: tagOrDigest } }, ...via(ctx, options) }));
      } else {
        env = await envelope("GET", ctx.api.GET("/v1/images/tag/{tag}", { params: { path: { tag: tagOrDigest } }, ...via(ctx, options) }));
      }
      const image = env.data?.image;
      if (env.status === "error" || !image) {
        // The API answers an unknown image with `status: error`, no image and a message
        // ("No image with name …"): a NotFoundError.
        const message = `get image: ${env.message ?? `no image '${tagOrDigest}'`}`;
        throw makeAPIError({ status: 200, message, code: image ? undefined : ErrorCode.NotFound, errors: env.errors, body: env });
      }
      return image;
    },
  };
}

/** The images resource. */
export type Images = ReturnType<typeof images>;
