import { describe, expect, it } from "vitest";
import type {
  AssistantReply,
  AssistantTurn,
  VirtualAssistant,
} from "../../../../functions/lib/assistant/types.ts";
import { withCaseNumberAnswers } from "../../../../functions/lib/cases/case-number-answers.ts";

const CASE = "CC-261201-7K3M9Q";

/** An inner assistant that offers an agent on every turn, so a test can see what is kept of its reply. */
class OfferingAssistant implements VirtualAssistant {
  turns = 0;
  greet(): AssistantReply {
    throw new Error("not used");
  }
  async reply(turn: AssistantTurn): Promise<AssistantReply> {
    this.turns += 1;
    return {
      messages: ["Would you like an agent?"],
      state: { ...turn.state, agentOffered: true, turns: turn.state.turns + 1 },
      wantsAgent: false,
      urgentFraud: false,
    };
  }
}

const turn = (text: string, caseNumber: string | undefined = CASE): AssistantTurn => ({
  text,
  profile: { country: "US", locale: "en-US", segment: "consumer", accounts: [] },
  state: { language: "en", details: {}, turns: 2, agentOffered: false },
  caseNumber,
});

describe("withCaseNumberAnswers", () => {
  it("answers a bare question alone, without the inner assistant changing its memory", async () => {
    // Prepare
    const inner = new OfferingAssistant();
    const assistant = withCaseNumberAnswers(inner);

    // Act
    const reply = await assistant.reply(turn("Can I get a case number?"));

    // Assess
    expect(reply.messages).toEqual([expect.stringContaining(`Your case number is ${CASE}`)]);
    expect(reply.state).toMatchObject({ agentOffered: false, turns: 3 });
    expect(inner.turns).toBe(0);
  });

  it("answers in Spanish when asked in Spanish", async () => {
    // Prepare
    const assistant = withCaseNumberAnswers(new OfferingAssistant());

    // Act
    const reply = await assistant.reply(turn("¿Me da mi número de caso?"));

    // Assess
    expect(reply.messages[0]).toContain(`Su número de caso es ${CASE}`);
  });

  it("gives the number first, then the inner answer, when the question comes with a request", async () => {
    // Prepare
    const assistant = withCaseNumberAnswers(new OfferingAssistant());

    // Act
    const reply = await assistant.reply(turn("I lost my card, what's my case number?"));

    // Assess
    expect(reply.messages).toEqual([expect.stringContaining(CASE), "Would you like an agent?"]);
    expect(reply.state.agentOffered).toBe(true);
  });

  it("leaves every other turn, and a chat without a number, to the inner assistant", async () => {
    // Prepare
    const assistant = withCaseNumberAnswers(new OfferingAssistant());

    // Act
    const other = await assistant.reply(turn("I lost my card"));
    const noNumber = await assistant.reply({ ...turn("Can I get a case number?"), caseNumber: undefined });

    // Assess
    expect(other.messages).toEqual(["Would you like an agent?"]);
    expect(noNumber.messages).toEqual(["Would you like an agent?"]);
  });
});
