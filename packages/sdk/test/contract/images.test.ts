// Contract tests of ukc.images against the Prism mock of spec/openapi.yaml.
import { describe, expect, test } from "vitest";
import { APIError, NotFoundError } from "../../src/index";
import { coverage, ERROR_CASES, ex, expectHttpError, expectValid, mockClient, rejection, rejectsOffline, surface } from "./support";

const covered = ["get", "list"] as const;
const { method, check } = coverage("images", () => surface().images, covered);

/** The image of the spec's example of GET /v1/images. */
const IMAGE = {
  url: ex.IMAGE_TAG,
  created_at: "2023-10-01T12:00:00Z",
  initrd_or_rom: false,
  size_in_bytes: 1843200,
  args: ["/usr/bin/my-app", "--port=8080"],
  env: { ENV_VAR: "value" },
  tags: [ex.IMAGE_TAG, ex.IMAGE_DIGEST],
};

/** An `answer` of the mock: no image matches. */
const noImage = (json: { data: { images: unknown[] } }) => {
  json.data.images = [];
  return json;
};

method("get", () => {
  test("a tag with '/' and ':' travels as the tag query parameter of GET /v1/images", async () => {
    const { ukc, sent, routes } = mockClient();
    const image = await ukc.images.get(ex.IMAGE_TAG);
    expect(image).toEqual(IMAGE);
    expect(routes()).toEqual(["GET /v1/images"]);
    expect(sent[0]!.query.getAll("tag")).toEqual([ex.IMAGE_TAG]);
    expect(sent[0]!.query.get("digest")).toBeNull();
    expectValid(sent, 1);
  });

  test("a simple tag", async () => {
    const { ukc, sent, routes } = mockClient({}, (json) => {
      json.data.images[0].url = "registry.example/library/nginx:latest";
      json.data.images[0].tags = ["nginx:latest"];
      return json;
    });
    const image = await ukc.images.get("nginx:latest");
    expect(image.tags).toEqual(["nginx:latest"]);
    expect(image.size_in_bytes).toBe(1843200);
    expect(routes()).toEqual(["GET /v1/images"]);
    expect([...sent[0]!.query]).toEqual([["tag", "nginx:latest"]]);
    expectValid(sent, 1);
  });

  test("an answer listing only another image is a NotFoundError naming what it listed", async () => {
    const { ukc, sent } = mockClient();
    const error = await rejection(ukc.images.get("nginx:latest"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain(`the answer lists only '${ex.IMAGE_TAG}'`);
    expectValid(sent, 1);
  });

  test("a sha256 digest travels as the digest query parameter", async () => {
    const { ukc, sent, routes } = mockClient();
    const image = await ukc.images.get(ex.IMAGE_DIGEST);
    expect(image).toMatchObject({ url: ex.IMAGE_TAG, tags: [ex.IMAGE_TAG, ex.IMAGE_DIGEST] });
    expect(routes()).toEqual(["GET /v1/images"]);
    expect([...sent[0]!.query]).toEqual([["digest", ex.IMAGE_DIGEST]]);
    expectValid(sent, 1);
  });

  test("an empty answer (no image matches) is a NotFoundError", async () => {
    const { ukc, sent } = mockClient({}, noImage);
    const error = await rejection(ukc.images.get(ex.IMAGE_TAG));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain(`no image '${ex.IMAGE_TAG}'`);
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

method("list", () => {
  test("GET /v1/images without filters: every image of the example", async () => {
    const { ukc, sent, routes } = mockClient();
    const images = await ukc.images.list();
    expect(images).toEqual([IMAGE]);
    expect(routes()).toEqual(["GET /v1/images"]);
    expect([...sent[0]!.query]).toEqual([]);
    expect(sent[0]!.body).toBeUndefined();
    expectValid(sent, 1);
  });

  test("an empty registry is an empty list", async () => {
    const { ukc, sent } = mockClient({}, noImage);
    expect(await ukc.images.list()).toEqual([]);
    expectValid(sent, 1);
  });

  test("an answer with status error is an APIError with its message", async () => {
    const { ukc, sent } = mockClient({}, (json) => ({ ...json, status: "error", message: "registry unavailable" }));
    const error = await rejection(ukc.images.list());
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).message).toContain("list images: registry unavailable");
    expectValid(sent, 1);
  });

  test.each(ERROR_CASES)("HTTP $code becomes $type.name", async ({ code, type, message }) => {
    const { ukc } = mockClient();
    await expectHttpError((o) => ukc.images.list(o), code, type, message);
  });
});

describe("images coverage", () => {
  check();
});
