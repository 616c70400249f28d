// UnikraftCloudAccount: the account client over one UnikraftCloud per metro, configured by
// `metros` (codes, or codes mapped to base URLs) or UKC_METROS.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigurationError, UnikraftCloud, UnikraftCloudAccount, ValidationError } from "../../src/index";
import { useMetros } from "./support";

const metros = useMetros({
  fra: { instances: [{ name: "web-fra", image: "nginx:latest", state: "running" }] },
  dal: { instances: [{ name: "web-dal", image: "nginx:latest", state: "running" }] },
});

const account = (extra: Record<string, unknown> = {}) =>
  new UnikraftCloudAccount({ metros: { fra: metros.sim("fra").url, dal: metros.sim("dal").url }, token: "test-token", maxRetries: 0, ...extra });

afterEach(() => vi.unstubAllEnvs());

describe("UnikraftCloudAccount", () => {
  it("lists every metro's instances, each tagged with its metro", async () => {
    const seen: string[] = [];
    for await (const i of account().instances.list()) seen.push(`${i.metro}/${i.name}`);
    expect(seen.sort()).toEqual(["dal/web-dal", "fra/web-fra"]);
    expect(metros.counts()).toEqual({ fra: 1, dal: 1, sin: 0 });
  });

  it("creates in its default metro, or in the metro a create names", async () => {
    const ukc = account({ metro: "dal" });
    const a = await ukc.instances.create({ name: "made-here", image: "nginx:latest" });
    const b = await ukc.instances.create({ name: "made-there", image: "nginx:latest" }, { metro: "fra" });
    expect([a.metro, b.metro]).toEqual(["dal", "fra"]);
    expect(metros.sent("dal").filter((r) => r.method === "POST")).toHaveLength(1);
    expect(metros.sent("fra").filter((r) => r.method === "POST")).toHaveLength(1);
    await expect(account().instances.create({ image: "nginx:latest" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("metro(code) is the single-metro client of that metro", async () => {
    const dal = account().metro("dal");
    expect(dal).toBeInstanceOf(UnikraftCloud);
    expect(dal.baseUrl).toBe(metros.sim("dal").url);
    expect((await dal.instances.get("web-dal")).name).toBe("web-dal");
    expect(() => account().metro("xyz")).toThrow(ValidationError);
  });

  it("reads the metros from UKC_METROS (codes) and the default metro from UKC_METRO", () => {
    vi.stubEnv("UKC_METROS", "fra, dal,sin");
    vi.stubEnv("UKC_METRO", "dal");
    const ukc = new UnikraftCloudAccount({ token: "t" });
    expect(ukc.metros).toEqual(["fra", "dal", "sin"]);
    expect(ukc.toJSON()).toEqual({ metros: { fra: "https://api.fra.unikraft.cloud", dal: "https://api.dal.unikraft.cloud", sin: "https://api.sin.unikraft.cloud" } });
  });

  it("says what is wrong with its configuration, and never shows the token", () => {
    vi.stubEnv("UKC_METROS", "");
    expect(() => new UnikraftCloudAccount({ token: "t" })).toThrow(/no metros: pass \{ metros/);
    expect(() => new UnikraftCloudAccount({ token: "t", metros: ["fra"], baseUrl: "http://127.0.0.1:1" } as never)).toThrow(ConfigurationError);
    expect(() => new UnikraftCloudAccount({ token: "t", metros: ["fra"], metro: "dal" })).toThrow(/option 'metro' \('dal'\) must be one of the metros fra/);
    expect(JSON.stringify(account())).not.toContain("test-token");
  });
});
