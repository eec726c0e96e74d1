import { describe, expect, it } from "vitest";
import { converse, last, OFFER, profile, SEED_EXAMPLE } from "./conversation.ts";

describe("RuleBasedAssistant handing over to a live agent", () => {
  it.each([
    ["I want to talk to a live agent", "en"],
    ["Can I speak to a human?", "en"],
    ["Quiero hablar con un agente", "es"],
    ["Necesito hablar con una persona", "es"],
  ])("connects an agent when asked: %j", async (text, language) => {
    // Prepare
    const customer = profile();

    // Act
    const reply = last(await converse(customer, [text]));

    // Assess
    expect(reply.wantsAgent).toBe(true);
    expect(reply.state.language).toBe(language);
    expect(reply.state.agentOffered).toBe(false);
  });

  it.each(["yes", "Sí", "please", "Yes please"])(
    "connects an agent when %j answers a pending offer",
    async (answer) => {
      // Prepare
      const customer = profile({ accounts: [{ last4: "1234" }] });

      // Act
      const replies = await converse(customer, [SEED_EXAMPLE, answer]);

      // Assess
      expect(replies[0]?.state.agentOffered).toBe(true);
      expect(last(replies).wantsAgent).toBe(true);
    },
  );

  it("does not connect on a yes when nothing was offered, and stops offering after a no", async () => {
    // Prepare
    const customer = profile({ accounts: [{ last4: "1234" }] });

    // Act
    const unprompted = last(await converse(customer, ["yes"]));
    const declined = await converse(customer, [SEED_EXAMPLE, "no thanks", "How long does it take?"]);

    // Assess
    expect(unprompted.wantsAgent).toBe(false);
    expect(declined[1]?.wantsAgent).toBe(false);
    expect(declined[1]?.state.agentDeclined).toBe(true);
    expect(last(declined).messages).not.toContain(OFFER);
    expect(last(declined).messages.join(" ")).toContain("not more than 90 days");
  });

  it("tells a US customer with fraud happening now to call the US number, then offers an agent", async () => {
    // Prepare
    const customer = profile();

    // Act
    const reply = last(await converse(customer, ["Someone is using my card right now!"]));

    // Assess
    expect(reply.urgentFraud).toBe(true);
    expect(reply.state.topic).toBe("fraud");
    expect(reply.messages[0]).toContain("call 1-800-528-4800 now");
    expect(reply.messages.at(-1)).toBe(OFFER);
    expect(reply.state.agentOffered).toBe(true);
  });

  it("gives a GB customer the GB number and others the number on the back of the card", async () => {
    // Prepare
    const british = profile({ country: "GB" });
    const french = profile({ country: "FR" });

    // Act
    const gb = last(await converse(british, ["There are unauthorized charges happening now"]));
    const fr = last(await converse(french, ["There are unauthorized charges happening now"]));

    // Assess
    expect(gb.messages[0]).toContain("0808 157 0192");
    expect(gb.messages[0]).not.toContain("1-800-528-4800");
    expect(fr.messages[0]).toContain("call the number on the back of your card now");
    expect(gb.urgentFraud && fr.urgentFraud).toBe(true);
  });

  it("answers fraud in Spanish for a Spanish-speaking customer", async () => {
    // Prepare
    const customer = profile({ country: "US", locale: "es-US" });

    // Act
    const reply = last(await converse(customer, ["Alguien está usando mi tarjeta ahora mismo"]));

    // Assess
    expect(reply.urgentFraud).toBe(true);
    expect(reply.messages[0]).toContain("llame ahora mismo al 1-800-528-4800");
    expect(reply.messages.at(-1)).toBe("¿Desea que le comunique con un agente?");
  });

  it("answers the availability and the never-asks-for questions", async () => {
    // Prepare
    const customer = profile();

    // Act
    const hours = last(await converse(customer, ["Is chat available 24/7?"]));
    const safety = last(await converse(customer, ["Will you ask for my password?"]));

    // Assess
    expect(hours.messages).toEqual([expect.stringContaining("24 hours a day, 7 days a week")]);
    expect(safety.messages).toEqual([expect.stringContaining("We will never ask for your full card number")]);
  });

  it("offers an agent right away for a complaint", async () => {
    // Prepare
    const customer = profile();

    // Act
    const reply = last(await converse(customer, ["I want to file a formal complaint"]));

    // Assess
    expect(reply.messages.join(" ")).toContain("case number");
    expect(reply.messages.at(-1)).toBe(OFFER);
  });

  it("offers an agent after three turns without resolution", async () => {
    // Prepare
    const customer = profile();

    // Act
    const replies = await converse(customer, ["hmm", "I am not sure", "what?"]);

    // Assess
    expect(replies[1]?.messages).not.toContain(OFFER);
    expect(last(replies).messages.at(-1)).toBe(OFFER);
    expect(last(replies).state.turns).toBe(3);
  });

  it("connects when a customer who said no says yes later on a topic only an agent can finish", async () => {
    // Prepare
    const customer = profile({ locale: "es-MX", accounts: [{ last4: "5678" }] });

    // Act
    const replies = await converse(customer, [
      "Tengo un cargo duplicado de $350.00 el 3 de marzo en Liverpool",
      "no",
      "Sí, por favor",
    ]);

    // Assess
    expect(replies[0]?.state.details).toMatchObject({
      amount: "350.00",
      date: "3 de marzo",
      merchant: "Liverpool",
    });
    expect(replies[0]?.messages.at(-1)).toBe("¿Desea que le comunique con un agente?");
    expect(replies[1]?.state.agentDeclined).toBe(true);
    expect(last(replies).wantsAgent).toBe(true);
    expect(last(replies).state.details.merchant).toBe("Liverpool");
  });

  it("does not offer an agent on the third turn while the customer is still giving details", async () => {
    // Prepare
    const customer = profile();

    // Act
    const replies = await converse(customer, [
      "I want to dispute a charge",
      "It was $40 on Aug 3",
      "at Amazon",
    ]);

    // Assess
    expect(last(replies).state.turns).toBe(3);
    expect(last(replies).messages).not.toContain(OFFER);
    expect(last(replies).messages.at(-1)).toBe(
      "So an agent can help you quickly, please tell me the last 4 digits of the card.",
    );
  });
});
