import { describe, expect, it } from "vitest";
import * as contacts from "../../../../functions/lib/routing/contact-numbers.ts";
import { parseRoutingConfig } from "../../../../functions/lib/routing/index.ts";
import { defaultRouting } from "../../../../infra/routing/default-routing.ts";

/** The numbers the shipped configuration gives, as the assistant and the handoff notices read them. */
const shipped = parseRoutingConfig(defaultRouting);
const contactNumberFor = (country: string) => contacts.contactNumberFor(shipped, country);
const knownContactNumber = (country: string) => contacts.knownContactNumber(shipped, country);
const DEFAULT_CONTACT = shipped.defaultContactNumber;

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
