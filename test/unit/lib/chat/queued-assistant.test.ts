import { describe, expect, it } from "vitest";
import type { AssistantReply } from "../../../../functions/lib/assistant/types.ts";
import { whileQueued, withHandoffHints } from "../../../../functions/lib/chat/queued-assistant.ts";
import { queueWordingFor } from "../../../../functions/lib/language/queue-wording.ts";
import { wordingFor } from "../../../../functions/lib/language/wording/index.ts";

const reply = (overrides: Partial<AssistantReply> = {}): AssistantReply => ({
  messages: ["Our chat is open around the clock."],
  state: { language: "en", details: {}, turns: 2, agentOffered: false },
  wantsAgent: false,
  urgentFraud: false,
  ...overrides,
});

describe("whileQueued", () => {
  it("keeps the assistant's answers as they are", () => {
    // Prepare
    const answer = reply();

    // Act
    const queued = whileQueued(answer);

    // Assess
    expect(queued.messages).toEqual(answer.messages);
    expect(queued.wantsAgent).toBe(false);
  });

  it("turns a request for a person into 'you are already in the queue', with no second handoff", () => {
    // Prepare
    const { assistant, teams } = wordingFor("en");
    const answer = reply({ messages: [assistant.connectingTo(teams.supervisor)], wantsAgent: true });

    // Act
    const queued = whileQueued(answer);

    // Assess
    expect(queued.wantsAgent).toBe(false);
    expect(queued.messages).toEqual([queueWordingFor("en").stillQueued]);
  });

  it("drops an offer of an agent and forgets it was made, in the chat's language", () => {
    // Prepare
    const { assistant } = wordingFor("es");
    const answer = reply({
      messages: ["Su saldo se actualiza a diario.", assistant.offerAgent],
      state: { language: "es", details: {}, turns: 3, agentOffered: true },
    });

    // Act
    const queued = whileQueued(answer);

    // Assess
    expect(queued.messages).toEqual(["Su saldo se actualiza a diario."]);
    expect(queued.state.agentOffered).toBe(false);
  });
});

describe("withHandoffHints", () => {
  it("routes a traveller who needs funds now to the travel desk", () => {
    // Prepare
    const answer = reply({ urgentTravel: true });

    // Act
    const hinted = withHandoffHints(answer);

    // Assess
    expect(hinted.state.requestedTeam).toBe("travel");
  });

  it("keeps a team the customer named, and leaves other replies alone", () => {
    // Prepare
    const named = reply({ urgentTravel: true, state: { ...reply().state, requestedTeam: "supervisor" } });
    const plain = reply();

    // Act
    const hinted = [withHandoffHints(named), withHandoffHints(plain)];

    // Assess
    expect(hinted[0]?.state.requestedTeam).toBe("supervisor");
    expect(hinted[1]).toBe(plain);
  });
});
