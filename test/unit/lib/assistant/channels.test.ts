import { describe, expect, it } from "vitest";
import type { AssistantDirectory } from "../../../../functions/lib/assistant/types.ts";
import { DIRECTORY, newAssistant, profile } from "./conversation.ts";

/** A directory unlike the shipped one, to show the assistant answers from what it is given. */
const OTHER: AssistantDirectory = {
  contactNumbers: { US: "1-202-555-0100", GB: "020 7946 0000" },
  defaultContactNumber: "the number on the back of your card",
  defaultContactNumberByLanguage: {},
  products: [
    {
      id: "teen-card",
      name: "Teen Card",
      names: ["teen card"],
      segment: "prepaid",
      contactNumbers: { US: "1-202-555-0199" },
    },
  ],
};

async function say(text: string, directory: AssistantDirectory = DIRECTORY, overrides = {}) {
  const assistant = newAssistant(directory);
  const customer = profile(overrides);
  return assistant.reply({ text, profile: customer, state: assistant.greet(customer).state });
}

describe("the assistant's channels and numbers", () => {
  it.each([
    ["How do I talk to a live person at American Express Serve?", "1-800-954-0559"],
    ["If you have a complaint regarding Bluebird", "1-877-297-4438"],
    ["my Target Prepaid REDcard was declined", "1-877-297-4438"],
    ["I have a gift card question", "1-877-297-4438"],
  ])("gives the seed's number for %j and no agent", async (text, number) => {
    // Prepare
    const message = text;

    // Act
    const reply = await say(message);

    // Assess
    expect(reply.messages.join(" ")).toContain(number);
    expect(reply.wantsAgent).toBe(false);
  });

  it("answers from the directory it was given, not from the shipped configuration", async () => {
    // Prepare
    const product = "my teen card does not work";
    const fraud = "someone is using my card right now";

    // Act
    const productReply = await say(product, OTHER);
    const fraudReply = await say(fraud, OTHER, { country: "GB" });

    // Assess
    expect(productReply.messages.join(" ")).toContain("1-202-555-0199");
    expect(fraudReply.messages[0]).toContain("020 7946 0000");
    expect((await say("my Serve card", OTHER)).messages.join(" ")).not.toContain("1-800-954-0559");
  });

  it("gives a prepaid cardmember's product line when fraud is happening now", async () => {
    // Prepare
    const customer = { accounts: [{ last4: "4321", product: "Bluebird" }] };

    // Act
    const reply = await say("there are charges happening right now I don't recognize", DIRECTORY, customer);

    // Assess
    expect(reply.urgentFraud).toBe(true);
    expect(reply.messages[0]).toContain("1-877-297-4438");
  });

  it("gives a product's first number, with its country, to a customer of another country", async () => {
    // Prepare
    const customer = { country: "GB" };

    // Act
    const reply = await say("question about my Serve account", DIRECTORY, customer);

    // Assess
    expect(reply.messages.join(" ")).toContain("1-800-954-0559 (US)");
  });

  it.each([
    ["I'm a merchant and my settlement is late", "merchant", "merchant portal"],
    ["I'm the corporate card program administrator", "corporate", "corporate account dashboard"],
    ["quiero hablar con un supervisor", "supervisor", "supervisor"],
    ["transfer me to the disputes team", "dispute", "disputes team"],
  ])("connects %j to the %s team and says so", async (text, team, words) => {
    // Prepare
    const message = text;

    // Act
    const reply = await say(message);

    // Assess
    expect(reply.wantsAgent).toBe(true);
    expect(reply.requestedTeam).toBe(team);
    expect(reply.state.requestedTeam).toBe(team);
    expect(reply.messages.join(" ")).toContain(words);
  });

  it("gives the country's number at once to a traveller who needs funds", async () => {
    // Prepare
    const customer = { country: "GB" };

    // Act
    const reply = await say("lost my card while travelling and need cash", DIRECTORY, customer);

    // Assess
    expect(reply.urgentTravel).toBe(true);
    expect(reply.messages[0]).toContain("0808 157 0192");
    expect(reply.state.agentOffered).toBe(true);
  });
});
