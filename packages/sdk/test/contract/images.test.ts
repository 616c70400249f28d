// Contract tests of ukc.images against the Prism mock of spec/openapi.yaml.
import { describe, expect, test } from "vitest";
import { coverage, ERROR_CASES, ex, expectHttpError, expectValid, mockClient, rejectsOffline, surface } from "./support";

const covered = ["get"] as const;
const { method, check } = coverage("images", () => surface().images, covered);

method("get", () => {
  test("a tag with '/' and ':' travels as ONE percent-encoded path segment", async () => {
    const { ukc, sent, routes } = mockClient();
    const image = await ukc.images.get(ex.IMAGE_TAG);
    expect(image).toMatchObject({ tag: ex.IMAGE_TAG, digest: ex.IMAGE_DIGEST, arch: "x86_64", workdir: "/app" });
    expect(image.entrypoint).toEqual(["/bin/sh", "-c"]);
    expect(image.kernel?.size).toBe(1843200);
    expect(image.labels).toEqual({ "org.opencontainers.image.title": "my-image" });
    expect(routes()).toEqual(["GET /v1/images/tag/funky-user%2Fmy-image%3Alatest"]);
    expectValid(sent, 1);
  });

  test("a simple tag", async () => {
    const { ukc, sent, routes } = mockClient();
    const image = await ukc.images.get("nginx:latest");
    expect(image.digest).toBe(ex.IMAGE_DIGEST);
    expect(routes()).toEqual(["GET /v1/images/tag/nginx%3Alatest"]);
    expectValid(sent, 1);
  });

  test("a sha256 digest uses /v1/images/digest/{digest}", async () => {
    const { ukc, sent, routes } = mockClient();
    const image = await ukc.images.get(ex.IMAGE_DIGEST);
    expect(image).toMatchObject({ tag: ex.IMAGE_TAG, digest: ex.IMAGE_DIGEST });
    expect(image.auxiliary_roms?.[0]?.size).toBe(655);
    expect(routes()).toEqual([`GET /v1/images/digest/${ex.IMAGE_DIGEST.replace(":", "%3A")}`]);
    expectValid(sent, 1);
  });

  test.each(["", "   ", " nginx:latest", "nginx latest", "sha256:xyz", `sha256:${"A".repeat(64)}`, `sha256:${"a".repeat(63)}`])(
    "%j is rejected before sending",
    async (value) => {
      await rejectsOffline((ukc) => ukc.images.get(value), "tagOrDigest");
    },
  );

  test.each(ERROR_CASES)("HTTP $code becomes $type.name", async ({ code, type, message }) => {
    const { ukc } = mockClient();
    await expectHttpError((o) => ukc.images.get(ex.IMAGE_TAG, o), code, type, message);
  });
});

describe("images coverage", () => {
  check();
});
