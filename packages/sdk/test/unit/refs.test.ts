import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/errors";
import { describeRef, isUUID, matchesRef, parseRef, parseRefs } from "../../src/core/refs";

const UUID = "123e4567-e89b-12d3-a456-426614174000";

describe("parseRef", () => {
  it("reads a UUID-shaped string as a UUID (lower-cased) and anything else as a name", () => {
    expect(parseRef(UUID)).toEqual({ uuid: UUID });
    expect(parseRef(UUID.toUpperCase())).toEqual({ uuid: UUID });
    expect(parseRef("funky-town-g756b5d")).toEqual({ name: "funky-town-g756b5d" });
  });

  it("accepts { uuid } and { name } objects", () => {
    expect(parseRef({ uuid: UUID })).toEqual({ uuid: UUID });
    expect(parseRef({ name: "web" })).toEqual({ name: "web" });
  });

  it.each([
    ["", /empty/],
    [" web", /white space/],
    ["has space", /not a valid name/],
    ["a/b", /not a valid name/],
    ["-leading", /not a valid name/],
    ["x".repeat(64), /not a valid name/],
  ])("rejects the string %j", (ref, message) => {
    expect(() => parseRef(ref)).toThrow(ValidationError);
    expect(() => parseRef(ref)).toThrow(message);
  });

  it("rejects both keys, neither key, unknown keys, a non-UUID uuid and wrong types", () => {
    expect(() => parseRef({ uuid: UUID, name: "web" } as never)).toThrow(/either uuid or name, not both/);
    expect(() => parseRef({} as never)).toThrow(/needs uuid or name/);
    expect(() => parseRef({ id: "x" } as never)).toThrow(/unknown key\(s\) id/);
    expect(() => parseRef({ uuid: "web" })).toThrow(/uuid 'web' is not a UUID; to refer to a resource by name use \{ name \}/);
    expect(() => parseRef({ name: 5 } as never)).toThrow(/name must be a string/);
    expect(() => parseRef(null as never)).toThrow(/got null/);
    expect(() => parseRef(42 as never)).toThrow(/got number/);
  });

  it("names the field in the error", () => {
    try {
      parseRef("", "instance");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe("instance");
    }
  });
});

describe("parseRefs", () => {
  it("parses one or many and reports the index of a bad one", () => {
    expect(parseRefs("web")).toEqual([{ name: "web" }]);
    expect(parseRefs(["web", UUID])).toEqual([{ name: "web" }, { uuid: UUID }]);
    expect(() => parseRefs(["web", ""])).toThrow(/refs\[1\]/);
    expect(() => parseRefs([])).toThrow(/no references given/);
  });
});

describe("helpers", () => {
  it("isUUID, describeRef and matchesRef", () => {
    expect(isUUID(UUID)).toBe(true);
    expect(isUUID("web")).toBe(false);
    expect(describeRef({ name: "web" })).toBe("name 'web'");
    expect(describeRef({ uuid: UUID })).toBe(`uuid '${UUID}'`);
    expect(matchesRef({ uuid: UUID }, { uuid: UUID.toUpperCase(), name: "x" })).toBe(true);
    expect(matchesRef({ name: "web" }, { uuid: UUID, name: "web" })).toBe(true);
    expect(matchesRef({ name: "web" }, { uuid: UUID, name: "api" })).toBe(false);
  });
});
