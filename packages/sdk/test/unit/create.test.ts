// Creates whose answer is lost: reconciled by looking the name up once (internal/create.ts).
import { describe, expect, it } from "vitest";
import { APIConnectionError, UnikraftCloud, ValidationError } from "../../src/index";

const reset = () => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }) });

/** A client whose POSTs are reset and whose GETs list `found` (none when undefined). */
function client(found?: Record<string, unknown>) {
  const sent: string[] = [];
  const fetch = async (request: Request) => {
    sent.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`);
    if (request.method === "POST") throw reset();
    const items = found ? [{ status: "success", ...found }] : [{ status: "error", name: "web", error: 8, message: "No instance with name 'web'" }];
    return new Response(JSON.stringify({ status: found ? "success" : "error", data: { instances: items } }));
  };
  return { ukc: new UnikraftCloud({ baseUrl: "http://127.0.0.1:9", token: "t", fetch }), sent };
}

describe("a create whose answer is lost", () => {
  it("resolves with the instance when the name lookup finds one made just now", async () => {
    const { ukc, sent } = client({ uuid: "123e4567-e89b-12d3-a456-426614174000", name: "web", created_at: new Date().toISOString() });
    const web = await ukc.instances.create({ image: "nginx:latest", name: "web" });
    expect(web.uuid).toBe("123e4567-e89b-12d3-a456-426614174000");
    expect(sent).toEqual(["POST /v1/instances", "GET /v1/instances?name=web"]);
  });

  it("says 'not created' when the name lookup finds nothing", async () => {
    const { ukc } = client();
    const error = await ukc.instances.create({ image: "nginx:latest", name: "web" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/Not created: no 'web' exists/);
  });

  it("does not take an older resource of the same name for the one just created", async () => {
    const { ukc } = client({ uuid: "123e4567-e89b-12d3-a456-426614174000", name: "web", created_at: "2020-01-01T00:00:00Z" });
    const error = await ukc.instances.create({ image: "nginx:latest", name: "web" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/already existed .*most likely failed as a conflict/);
  });

  it("checks the parameters against the spec before anything is sent", async () => {
    const { ukc, sent } = client();
    const error = await ukc.instances.create({ image: "nginx:latest", memory_mb: "512" } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe("params.memory_mb");
    await expect(ukc.instances.create({ image: "nginx:latest", memroy_mb: 512 } as never)).rejects.toThrow(/memroy_mb/);
    await expect(ukc.volumes.create({ size_mb: -1 })).rejects.toBeInstanceOf(ValidationError);
    await expect(ukc.instances.create({ image: "nginx:latest", name: "bad name!" })).rejects.toThrow(/params.name/);
    expect(sent).toEqual([]);
  });
});
