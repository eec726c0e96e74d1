import { describe, expect, it } from "vitest";
import type { Language } from "../../../../functions/lib/language/languages.ts";
import { wordingFor } from "../../../../functions/lib/language/wording/index.ts";

const handoffText = (language: Language) => wordingFor(language).handoff;

import { describeHours, findQueue, parseRoutingConfig } from "../../../../functions/lib/routing/index.ts";
import { defaultRouting } from "../../../../infra/routing/default-routing.ts";

const LANGUAGES: readonly Language[] = ["en", "es"];

/** Every message of one language, filled in with recognisable values. */
const messagesIn = (language: Language) => {
  const text = handoffText(language);
  return {
    transferring: text.transferring("Fraud Protection"),
    joined: text.joined("Dana Whitfield"),
    closed: text.closed("Mon-Fri 09:00-18:00 (Tokyo time)", "0120-000-142"),
    noAgents: text.noAgents("1-800-528-4800"),
    failed: text.failed,
  };
};

describe("handoffText", () => {
  it("has the same messages in English and Spanish", () => {
    // Act
    const english = Object.keys(handoffText("en")).sort();
    const spanish = Object.keys(handoffText("es")).sort();

    // Assess
    expect(spanish).toEqual(english);
    expect(english).toEqual([
      "closed",
      "failed",
      "idleWarning",
      "joined",
      "noAgents",
      "supervisorJoined",
      "transferring",
    ]);
  });

  it.each(LANGUAGES)("writes every message in %s as a non-empty sentence", (language) => {
    // Act
    const messages = messagesIn(language);

    // Assess
    for (const message of Object.values(messages)) {
      expect(message.trim()).not.toBe("");
      expect(message).toMatch(/[.!]$/);
      expect(message).not.toMatch(/undefined|\$\{/);
    }
  });

  it("says each message differently in Spanish", () => {
    // Act
    const english = messagesIn("en");
    const spanish = messagesIn("es");

    // Assess
    for (const key of Object.keys(english) as (keyof typeof english)[])
      expect(spanish[key]).not.toBe(english[key]);
  });

  it.each(LANGUAGES)("names the queue the chat is transferred to (%s)", (language) => {
    // Act
    const message = handoffText(language).transferring("Fraud Protection");

    // Assess
    expect(message).toContain("Fraud Protection");
  });

  it.each(LANGUAGES)("names the agent who joined (%s)", (language) => {
    // Act
    const message = handoffText(language).joined("Dana Whitfield");

    // Assess
    expect(message).toContain("Dana Whitfield");
  });

  it.each(LANGUAGES)("gives the hours and the phone number when the team is closed (%s)", (language) => {
    // Act
    const message = handoffText(language).closed("Mon-Fri 09:00-18:00 (Tokyo time)", "0120-000-142");

    // Assess
    expect(message).toContain("Mon-Fri 09:00-18:00 (Tokyo time)");
    expect(message).toContain("0120-000-142");
  });

  it.each(LANGUAGES)("gives the phone number when no agent could take the chat (%s)", (language) => {
    // Act
    const message = handoffText(language).noAgents("1-800-528-4800");

    // Assess
    expect(message).toContain("1-800-528-4800");
  });

  it("writes the Spanish messages in Spanish", () => {
    // Act
    const spanish = messagesIn("es");

    // Assess
    expect(spanish.transferring).toBe(
      "Le estamos transfiriendo al equipo de Fraud Protection. Su conversación va con usted, así que no tendrá que repetir nada.",
    );
    expect(spanish.joined).toBe("Dana Whitfield se unió al chat.");
    expect(spanish.noAgents).toContain("Puede llamar al 1-800-528-4800");
    expect(spanish.failed).toMatch(/^Algo salió mal/);
  });

  it("fits the shipped configuration's queue names, hours and Spanish fallback number", () => {
    // Prepare
    const routing = parseRoutingConfig(defaultRouting);
    const mexico = findQueue(routing, "mx-general-es");
    if (!mexico) throw new Error("the shipped configuration has no mx-general-es queue");
    const hours = describeHours(mexico, "es");
    const fallback = routing.defaultContactNumberByLanguage.es ?? "";

    // Act
    const transferring = handoffText("es").transferring(mexico.name);
    const closed = handoffText("es").closed(hours, fallback);

    // Assess
    expect(transferring).toContain("Atención a clientes en México");
    expect(closed).toContain(hours);
    expect(closed).toContain("el número que aparece al reverso de su tarjeta");
  });
});
