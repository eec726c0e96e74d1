import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkOrigin,
  originHeader,
  parseAllowedOrigins,
} from "../../../../functions/lib/auth/origin-allow-list.ts";

const allowList = parseAllowedOrigins("https://bank.example, https://chat.bank.example:8443");

describe("parseAllowedOrigins", () => {
  it("keeps each entry as the origin a browser serialises", () => {
    // Act
    const origins = parseAllowedOrigins(
      " https://Bank.Example/ ,http://127.0.0.1:3001,https://x.example:443,",
    );

    // Assess
    expect([...origins]).toEqual(["https://bank.example", "http://127.0.0.1:3001", "https://x.example"]);
  });

  it.each([
    "bank.example",
    "https://bank.example/chat",
    "https://bank.example?x=1",
    "ftp://bank.example",
    "*",
  ])("refuses the entry %j", (entry) => {
    // Act
    const parse = () => parseAllowedOrigins(entry);

    // Assess
    expect(parse).toThrow(/ALLOWED_ORIGINS/);
  });
});

describe("checkOrigin", () => {
  it("allows a request without Origin (a native app)", () => {
    // Act
    const decision = checkOrigin(undefined, allowList);

    // Assess
    expect(decision.allowed).toBe(true);
  });

  it.each(["https://bank.example", "https://chat.bank.example:8443"])(
    "allows the listed origin %s",
    (origin) => {
      // Act
      const decision = checkOrigin(origin, allowList);

      // Assess
      expect(decision.allowed).toBe(true);
    },
  );

  it.each([
    "null",
    "",
    "https://evil.example",
    "https://bank.example.evil.com",
    "https://evilbank.example",
    "https://bank.example:444",
    "https://BANK.example",
    "HTTPS://bank.example",
    "http://bank.example",
    "https://bank.example/",
    "https://bank.example.",
    "https://chat.bank.example",
    "https://bank.example, https://evil.example",
    " https://bank.example",
  ])("refuses %j", (origin) => {
    // Act
    const decision = checkOrigin(origin, allowList);

    // Assess
    expect(decision.allowed).toBe(false);
  });

  it("refuses every look-alike built around an allowed host (property)", () => {
    // Prepare
    const label = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    const lookAlike = fc.oneof(
      label.map((l) => `https://bank.example.${l}.com`),
      label.map((l) => `https://${l}bank.example`),
      label.map((l) => `https://${l}.bank.example`),
      fc
        .integer({ min: 1, max: 65_535 })
        .filter((port) => port !== 443)
        .map((port) => `https://bank.example:${port}`),
      fc
        .array(fc.boolean(), { minLength: 12, maxLength: 12 })
        .filter((upper) => upper.some(Boolean))
        .map(
          (upper) =>
            `https://${[..."bank.example"].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join("")}`,
        )
        .filter((origin) => origin !== "https://bank.example"),
      fc.string({ minLength: 1, maxLength: 4 }).map((tail) => `https://bank.example${tail}`),
    );

    // Act / Assess
    fc.assert(
      fc.property(lookAlike, (origin) => {
        expect(checkOrigin(origin, allowList).allowed).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it("never echoes more than 200 characters of a refused origin into the log", () => {
    // Act
    const decision = checkOrigin(`https://${"a".repeat(5_000)}.example`, allowList);

    // Assess
    expect(decision.allowed).toBe(false);
    expect(decision.allowed ? "" : decision.origin).toHaveLength(200);
  });
});

describe("originHeader", () => {
  it.each([
    [{ Origin: "https://bank.example" }, "https://bank.example"],
    [{ origin: "https://bank.example" }, "https://bank.example"],
    [{ host: "x" }, undefined],
    [null, undefined],
    [{ Origin: "https://bank.example", origin: "https://evil.example" }, ""],
  ])("reads %j as %j", (headers, expected) => {
    // Act
    const origin = originHeader(headers);

    // Assess
    expect(origin).toBe(expected);
  });
});
