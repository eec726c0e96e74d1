import { describe, expect, it } from "vitest";
import {
  contactNumberFor,
  DEFAULT_CONTACT,
  knownContactNumber,
} from "../../../../functions/lib/assistant/contact-numbers.ts";

describe("contactNumberFor", () => {
  it("gives US customers the general customer service number from the guide", () => {
    // Prepare
    const country = "US";

    // Act
    const number = contactNumberFor(country);

    // Assess
    expect(number).toBe("1-800-528-4800");
  });

  it.each(["GB", "MX", "JP", "CA"])("has a number of its own for %s", (country) => {
    // Prepare
    const us = contactNumberFor("US");

    // Act
    const number = contactNumberFor(country);

    // Assess
    expect(number).not.toBe(us);
    expect(number).not.toBe(DEFAULT_CONTACT);
    expect(number).toMatch(/\d/);
  });

  it("accepts lower case and the UK alias", () => {
    // Prepare
    const gb = contactNumberFor("GB");

    // Act
    const aliases = [contactNumberFor("gb"), contactNumberFor("UK"), contactNumberFor(" uk ")];

    // Assess
    expect(aliases).toEqual([gb, gb, gb]);
  });

  it("falls back to the number on the back of the card for other countries", () => {
    // Prepare
    const country = "FR";

    // Act
    const number = contactNumberFor(country);
    const known = knownContactNumber(country);

    // Assess
    expect(number).toBe("the number on the back of your card");
    expect(known).toBeUndefined();
  });
});
