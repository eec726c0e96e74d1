import { describe, expect, it } from "vitest";
import { contactNumberFor, knownContactNumber } from "../../../../functions/lib/routing/contact-numbers.ts";
import { parseRoutingConfig } from "../../../../functions/lib/routing/parse-routing-config.ts";
import { minimalConfig } from "./routing-fixtures.ts";

const config = parseRoutingConfig(
  minimalConfig({
    contactNumbers: { US: "1-800-528-4800", GB: "0808 157 0192" },
    defaultContactNumber: "the number on the back of your card",
    defaultContactNumberByLanguage: { es: "el número que aparece al reverso de su tarjeta" },
  }),
);

describe("contactNumberFor", () => {
  it.each([
    ["US", "1-800-528-4800"],
    ["us", "1-800-528-4800"],
    ["GB", "0808 157 0192"],
    [" uk ", "0808 157 0192"],
    ["ZZ", "the number on the back of your card"],
    ["", "the number on the back of your card"],
  ])("gives %j the number %j", (country, expected) => {
    // Prepare
    // Act
    const number = contactNumberFor(config, country);

    // Assess
    expect(number).toBe(expected);
  });

  it.each([
    ["es", "el número que aparece al reverso de su tarjeta"],
    ["es-MX", "el número que aparece al reverso de su tarjeta"],
    ["en", "the number on the back of your card"],
    ["ja", "the number on the back of your card"],
  ])(
    "tells a customer writing in %s about the card's number in their language when it can",
    (language, expected) => {
      // Prepare
      const country = "FR";

      // Act
      const number = contactNumberFor(config, country, language);

      // Assess
      expect(number).toBe(expected);
    },
  );

  it("prefers the country's number to the default in any language", () => {
    // Prepare
    const country = "GB";

    // Act
    const number = contactNumberFor(config, country, "es");

    // Assess
    expect(number).toBe("0808 157 0192");
  });
});

describe("knownContactNumber", () => {
  it("is undefined for a country without a number", () => {
    // Prepare
    const country = "FR";

    // Act
    const number = knownContactNumber(config, country);

    // Assess
    expect(number).toBeUndefined();
  });
});
