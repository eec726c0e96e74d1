import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { converse, freshState, last, newAssistant, OFFER, profile, SEED_EXAMPLE } from "./conversation.ts";

describe("RuleBasedAssistant.greet", () => {
  it("greets by first name, says it is a virtual assistant, asks how to help and warns about card numbers", () => {
    // Prepare
    const assistant = newAssistant();

    // Act
    const greeting = assistant.greet(profile());

    // Assess
    const text = greeting.messages.join(" ");
    expect(greeting.messages[0]).toBe("Hi Maria, I'm the virtual assistant. How can I help you today?");
    expect(text).toContain("never share your full card number, security code");
    expect(greeting.state).toEqual({ language: "en", details: {}, turns: 0, agentOffered: false });
    expect(greeting.wantsAgent).toBe(false);
    expect(greeting.urgentFraud).toBe(false);
  });

  it("greets in Spanish for an es-* locale and defaults the card when there is only one", () => {
    // Prepare
    const assistant = newAssistant();
    const customer = profile({ locale: "es-MX", name: "José", accounts: [{ last4: "4242" }] });

    // Act
    const greeting = assistant.greet(customer);

    // Assess
    expect(greeting.messages[0]).toBe("Hola, José. Soy el asistente virtual. ¿En qué puedo ayudarle hoy?");
    expect(greeting.messages.join(" ")).toContain("nunca comparta");
    expect(greeting.state.language).toBe("es");
    expect(greeting.state.details).toEqual({ cardLast4: "4242" });
  });

  it("greets without a name when the profile has none", () => {
    // Prepare
    const assistant = newAssistant();
    const { name: _name, ...nameless } = profile();

    // Act
    const greeting = assistant.greet(nameless, "en");

    // Assess
    expect(greeting.messages[0]).toBe("Hi, I'm the virtual assistant. How can I help you today?");
  });
});

describe("RuleBasedAssistant.reply", () => {
  it("treats the guide's example as a dispute, notes its details and asks only for the card", async () => {
    // Prepare
    const customer = profile();

    // Act
    const reply = last(await converse(customer, [SEED_EXAMPLE]));

    // Assess
    expect(reply.state.topic).toBe("dispute");
    expect(reply.urgentFraud).toBe(false);
    expect(reply.wantsAgent).toBe(false);
    expect(reply.state.details).toMatchObject({ amount: "127.43", date: "08/15", merchant: "XYZ Store" });
    expect(reply.messages).toContain("I have noted: amount $127.43, date 08/15 and merchant XYZ Store.");
    expect(reply.messages.at(-1)).toBe(
      "So an agent can help you quickly, please tell me the last 4 digits of the card.",
    );
    expect(reply.messages.join(" ")).toContain("60 days from the statement date");
  });

  it("uses the only account's card and offers an agent once the dispute details are complete", async () => {
    // Prepare
    const customer = profile({ accounts: [{ last4: "1234" }] });

    // Act
    const reply = last(await converse(customer, [SEED_EXAMPLE]));

    // Assess
    expect(reply.state.details.cardLast4).toBe("1234");
    expect(reply.messages.at(-1)).toBe(OFFER);
    expect(reply.state.agentOffered).toBe(true);
    expect(reply.wantsAgent).toBe(false);
  });

  it("collects the missing dispute details over several turns, including a bare merchant name", async () => {
    // Prepare
    const customer = profile();

    // Act
    const replies = await converse(customer, [
      "I want to dispute a charge",
      "It was $40 on Aug 3",
      "Amazon",
      "card ending in 5678",
    ]);

    // Assess
    expect(replies[0]?.messages.at(-1)).toBe(
      "So an agent can help you quickly, please tell me the amount, the date of the charge, the merchant's name and the last 4 digits of the card.",
    );
    expect(replies[1]?.messages.at(-1)).toBe(
      "So an agent can help you quickly, please tell me the merchant's name and the last 4 digits of the card.",
    );
    expect(replies[2]?.state.details.merchant).toBe("Amazon");
    expect(last(replies).state.details).toEqual({
      amount: "40",
      currency: "USD",
      date: "Aug 3",
      merchant: "Amazon",
      cardLast4: "5678",
    });
    expect(last(replies).messages.at(-1)).toBe(OFFER);
  });

  it("does not keep a card ending that is not on the profile", async () => {
    // Prepare
    const customer = profile();

    // Act
    const reply = last(await converse(customer, ["I lost my card ending 9999"]));

    // Assess
    expect(reply.state.details.cardLast4).toBeUndefined();
    expect(reply.messages).toContain(
      "I don't see a card ending in 9999 on your profile. Please check the last 4 digits of the card.",
    );
  });

  it("notes accommodations once and promises a written summary", async () => {
    // Prepare
    const customer = profile();

    // Act
    const replies = await converse(customer, [
      "I use a screen reader and I'd like a written summary",
      "I use a screen reader",
    ]);

    // Assess
    expect(replies[0]?.messages[0]).toContain("screen reader and written summary");
    expect(replies[0]?.messages[0]).toContain("You will get a written summary when the chat ends.");
    expect(replies[1]?.messages.join(" ")).not.toContain("Thank you for telling me");
    expect(last(replies).state.details.accommodations).toEqual(["screen-reader", "written-summary"]);
  });

  it("follows the language the customer chose over the detected one", async () => {
    // Prepare
    const assistant = newAssistant();

    // Act
    const reply = await assistant.reply({
      text: "I lost my card",
      language: "es",
      profile: profile(),
      state: freshState(),
    });

    // Assess
    expect(reply.state.language).toBe("es");
    expect(reply.messages[0]).toContain("podemos bloquearla de inmediato");
  });

  it("keeps every message plain and short enough for a screen reader", async () => {
    // Prepare
    const customer = profile();

    // Act
    const replies = await converse(customer, [
      SEED_EXAMPLE,
      "card ending 1234",
      "Someone is using my card right now",
    ]);

    // Assess
    for (const message of replies.flatMap((reply) => reply.messages)) {
      expect(message).not.toMatch(/\p{Extended_Pictographic}|\||\n|\t/u);
      expect(message.length).toBeLessThan(400);
    }
  });

  it("answers any text with at least one message, the same way every time", async () => {
    // Prepare
    const assistant = newAssistant();
    const customer = profile();

    // Act
    const property = fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => {
      const first = await assistant.reply({ text, profile: customer, state: freshState() });
      const second = await assistant.reply({ text, profile: customer, state: freshState() });
      return first.messages.length > 0 && JSON.stringify(first) === JSON.stringify(second);
    });

    // Assess
    await fc.assert(property, { numRuns: 300 });
  });

  it("answers a very long message quickly", async () => {
    // Prepare
    const assistant = newAssistant();
    const text = `${"I was charged twice at the store and ".repeat(500)}right now`;

    // Act
    const started = performance.now();
    const reply = await assistant.reply({ text, profile: profile(), state: freshState() });
    const elapsed = performance.now() - started;

    // Assess
    expect(reply.messages.length).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(500);
  });
});
