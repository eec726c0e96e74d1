import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ChatSummaryInput } from "../../../../functions/lib/assistant/types.ts";
import { writeChatSummary } from "../../../../functions/lib/assistant/write-summary.ts";
import { shippedContacts } from "./shipped-contacts.ts";

const SECRET = "my dog's name is Biscuit and I live at 12 Elm Road";

function disputeChat(overrides: Partial<ChatSummaryInput> = {}): ChatSummaryInput {
  return {
    topic: "dispute",
    details: { amount: "127.43", currency: "USD", date: "08/15", merchant: "XYZ Store", cardLast4: "1234" },
    language: "en",
    messages: [
      { role: "assistant", text: "Hi, I'm the virtual assistant." },
      { role: "customer", text: `I want to dispute a $127.43 charge from XYZ Store on 08/15, ${SECRET}` },
      { role: "assistant", text: "Would you like me to connect you with a live agent?" },
      { role: "system", text: "A live agent joined." },
      { role: "agent", text: "I have opened the dispute." },
    ],
    caseNumber: "CC-261125-7K3M9Q",
    agentJoined: true,
    ...overrides,
  };
}

describe("writeChatSummary", () => {
  it("summarises a dispute chat: topic, details, what happened, the FCBA timeline and the case number", () => {
    // Prepare
    const input = disputeChat();

    // Act
    const summary = writeChatSummary(input, shippedContacts);

    // Assess
    expect(summary).toBe(
      [
        "Chat summary",
        "Case number: CC-261125-7K3M9Q",
        "Topic: Dispute about a charge",
        "",
        "Details you gave:",
        "Amount: $127.43",
        "Date: 08/15",
        "Merchant: XYZ Store",
        "Card ending in: 1234",
        "",
        "In this chat:",
        "You chatted with our virtual assistant.",
        "A live agent joined the chat.",
        "The chat had 4 messages.",
        "",
        "Next steps:",
        "Under the Fair Credit Billing Act, you generally have 60 days from the statement date to dispute a billing error. We acknowledge your dispute within 30 days and resolve it within two billing cycles, not more than 90 days.",
        "Keep your case number CC-261125-7K3M9Q for follow-up.",
      ].join("\n"),
    );
  });

  it("never copies message text beyond the extracted details", () => {
    // Prepare
    const input = disputeChat();

    // Act
    const summary = writeChatSummary(input, shippedContacts);

    // Assess
    expect(summary).not.toContain("Biscuit");
    expect(summary).not.toContain("Elm Road");
    expect(summary).not.toContain("I have opened the dispute");
  });

  it("is deterministic", () => {
    // Prepare
    const input = disputeChat();

    // Act
    const first = writeChatSummary(input, shippedContacts);
    const second = writeChatSummary(structuredClone(input), shippedContacts);

    // Assess
    expect(second).toBe(first);
  });

  it("says nothing changed on the account when no agent joined a dispute", () => {
    // Prepare
    const input = disputeChat({ agentJoined: false, messages: [{ role: "assistant", text: "Hi" }] });

    // Act
    const summary = writeChatSummary(input, shippedContacts);

    // Assess
    expect(summary).toContain("No live agent joined, so nothing was changed on your account.");
    expect(summary).not.toContain("A live agent joined the chat.");
    expect(summary).toContain("The chat had 1 message.");
  });

  it("writes in Spanish, with the accommodations and the date of the chat", () => {
    // Prepare
    const input = disputeChat({
      language: "es",
      details: { cardLast4: "1234", accommodations: ["screen-reader", "written-summary"] },
      topic: "card-services",
      chatDate: "2026-08-20",
    });

    // Act
    const summary = writeChatSummary(input, shippedContacts);

    // Assess
    expect(summary).toContain("Resumen del chat");
    expect(summary).toContain("Fecha: 2026-08-20");
    expect(summary).toContain("Tema: Tarjeta perdida, robada o dañada, bloqueo y reemplazo");
    expect(summary).toContain("Tarjeta terminada en: 1234");
    expect(summary).toContain("Adaptaciones anotadas: lector de pantalla y resumen escrito.");
    expect(summary).toContain("llegará por correo");
    expect(summary).toContain("Guarde su número de caso CC-261125-7K3M9Q para cualquier seguimiento.");
  });

  it("gives the country's number for fraud and only the case number for other topics", () => {
    // Prepare
    const fraud = disputeChat({ topic: "fraud", details: {}, country: "GB" });
    const rewards = disputeChat({ topic: "rewards", details: {} });

    // Act
    const fraudSummary = writeChatSummary(fraud, shippedContacts);
    const rewardsSummary = writeChatSummary(rewards, shippedContacts);

    // Assess
    expect(fraudSummary).toContain("0808 157 0192");
    expect(rewardsSummary).toContain("Topic: Rewards and benefits");
    expect(rewardsSummary).not.toContain("Details you gave:");
    expect(rewardsSummary.split("Next steps:\n")[1]).toBe(
      "Keep your case number CC-261125-7K3M9Q for follow-up.",
    );
  });

  it("calls a chat without a topic a general question and mentions a supervisor", () => {
    // Prepare
    const { topic: _topic, ...withoutTopic } = disputeChat({
      messages: [
        { role: "customer", text: "hello" },
        { role: "supervisor", text: "Hello, I am the supervisor." },
      ],
    });

    // Act
    const summary = writeChatSummary(withoutTopic, shippedContacts);

    // Assess
    expect(summary).toContain("Topic: General question");
    expect(summary).toContain("A supervisor joined the chat.");
    expect(summary).not.toContain("virtual assistant");
  });

  it("never repeats a message's words, whatever the customer wrote", () => {
    // Prepare
    const marker = fc.stringMatching(/^[a-z]{12}$/);

    // Act
    const property = fc.property(marker, (word) => {
      const summary = writeChatSummary(
        disputeChat({ messages: [{ role: "customer", text: `please ${word} thanks` }] }),
        shippedContacts,
      );
      return !summary.includes(word);
    });

    // Assess
    fc.assert(property, { numRuns: 200 });
  });
});
