/** The metros of Unikraft Cloud: Frankfurt (default), Dallas, Singapore, Washington, San Francisco. */
export const METROS = ["fra", "dal", "sin", "was", "sfo"] as const;

/** A known metro code. Any other lowercase code is accepted too, for metros added later. */
export type Metro = (typeof METROS)[number];

/** The metro used when none is given. */
export const DEFAULT_METRO: Metro = "fra";

const METRO_CODE = /^[a-z][a-z0-9-]{1,30}$/;

/**
 * Turns a metro code (`fra`) or a full URL (`https://api.fra.unikraft.cloud/v1`,
 * `http://127.0.0.1:4010`) into the base URL the client puts before `/v1/...` paths.
 * A trailing `/` or `/v1` is dropped, because every path of the spec starts with `/v1`.
 *
 * @throws TypeError when the value is neither a metro code nor an absolute http(s) URL.
 */
export function resolveBaseUrl(metroOrUrl: string = DEFAULT_METRO): string {
  const value = metroOrUrl.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new TypeError(`Invalid base URL '${value}': expected an absolute URL such as https://api.fra.unikraft.cloud`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new TypeError(`Invalid base URL '${value}': only http:// and https:// are supported`);
    }
    if (url.search || url.hash) {
      throw new TypeError(`Invalid base URL '${value}': remove the query string and fragment`);
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, "").replace(/\/v1$/, "")}`;
  }
  if (!METRO_CODE.test(value)) {
    throw new TypeError(
      `Invalid metro '${metroOrUrl}': expected a metro code (${METROS.join(", ")}) or a full http(s):// URL`,
    );
  }
  return `https://api.${value}.unikraft.cloud`;
}
