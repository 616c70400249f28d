// Contract tests of ukc.images against the Prism mock of spec/openapi.yaml.
import { describe, expect, test } from "vitest";
import { APIError, NotFoundError } from "../../src/index";
import { coverage, ERROR_CASES, ex, expectHttpError, expectValid, mockClient, rejection, rejectsOffline, surface } from "./support";

const covered = ["get", "list", "pin", "unpin", "store"] as const;
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

method("pin", () => {
  const PINNED_UUID = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";

  test("one image: POST /v1/images with one item; the pinned image comes back", async () => {
    const { ukc, sent, routes } = mockClient();
    const pinned = await ukc.images.pin({ url: ex.IMAGE_TAG, timeout_s: 60, pull_policy: "if_not_present" });
    expect(pinned).toMatchObject({ status: "success", uuid: PINNED_UUID, name: ex.IMAGE_TAG, persistent: true });
    expect(routes()).toEqual(["POST /v1/images"]);
    expect(sent[0]!.body).toEqual([{ url: ex.IMAGE_TAG, timeout_s: 60, pull_policy: "if_not_present" }]);
    expectValid(sent, 1);
  });

  test("bad items are rejected before sending (a missing timeout, an unknown field, none at all)", async () => {
    await rejectsOffline((ukc) => ukc.images.pin({ url: ex.IMAGE_TAG } as never), "params.timeout_s");
    await rejectsOffline((ukc) => ukc.images.pin([{ url: ex.IMAGE_TAG, timeout_s: 60 }, { url: ex.IMAGE_TAG, timeout_s: 60, tag: "x" } as never]), "params[1]");
    await rejectsOffline((ukc) => ukc.images.pin([]), "params");
  });
});

method("unpin", () => {
  const PINNED_UUID = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";

  test("by the UUID pin() returned: DELETE /v1/images", async () => {
    const { ukc, sent, routes } = mockClient();
    const unpinned = await ukc.images.unpin(PINNED_UUID);
    expect(unpinned).toMatchObject({ status: "success", uuid: PINNED_UUID, name: ex.IMAGE_TAG });
    expect(routes()).toEqual(["DELETE /v1/images"]);
    expect(sent[0]!.body).toEqual([{ uuid: PINNED_UUID }]);
    expectValid(sent, 1);
  });

  test("a tag instead of a UUID is rejected before sending", async () => {
    await rejectsOffline((ukc) => ukc.images.unpin(ex.IMAGE_TAG), "uuid");
  });
});

method("store", () => {
  test("by tag: GET /v1/image-store?tag=", async () => {
    const { ukc, sent, routes } = mockClient();
    const image = await ukc.images.store(ex.IMAGE_TAG);
    expect(image).toMatchObject({ url: ex.IMAGE_TAG, persistent: true, size_in_bytes: 1843200 });
    expect(routes()).toEqual(["GET /v1/image-store"]);
    expect(sent[0]!.query.get("tag")).toBe(ex.IMAGE_TAG);
    expectValid(sent, 1);
  });

  test("no matching image is a NotFoundError", async () => {
    const { ukc } = mockClient({}, noImage);
    expect(await rejection(ukc.images.store(ex.IMAGE_TAG))).toBeInstanceOf(NotFoundError);
  });
});

describe("images coverage", () => {
  check();
});
