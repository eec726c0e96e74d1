import { describe, expect, it } from "vitest";
import type { CustomerIdentity, StaffIdentity } from "../../../../functions/lib/auth/identity.ts";
import type { ChatRecord } from "../../../../functions/lib/data/records.ts";
import { CareChatError } from "../../../../functions/lib/errors.ts";
import type { Caller } from "../../../../functions/lib/kernel/caller.ts";
import {
  ACTIVE_STATES,
  participantOf,
  requireActive,
  requireParticipant,
} from "../../../../functions/lib/kernel/chat-access.ts";
import { type ChatState, chatStates } from "../../../../functions/lib/protocol/server-frames.ts";

const customer: CustomerIdentity = {
  sub: "customer-1",
  role: "customer",
  name: "Ana Customer",
  country: "US",
  locale: "en-US",
  segment: "consumer",
  accounts: [{ last4: "1234", product: "Rewards Visa" }],
};

const agent: StaffIdentity = {
  sub: "agent-7",
  role: "agent",
  name: "Bo Agent",
  queues: ["*"],
  languages: ["en"],
  maxChats: 3,
};

const stranger: CustomerIdentity = { ...customer, sub: "customer-2", name: "Eve Stranger" };

const callerOf = (identity: CustomerIdentity | StaffIdentity): Caller => ({
  connectionId: `conn-${identity.sub}`,
  identity,
});

function chat(overrides: Partial<ChatRecord> = {}): ChatRecord {
  return {
    chatId: "chat-1",
    state: "assigned",
    createdAt: "2026-11-25T14:00:00.000Z",
    updatedAt: "2026-11-25T14:05:00.000Z",
    customer: { id: customer.sub, name: customer.name, country: "US", locale: "en-US", segment: "consumer" },
    participants: {
      [customer.sub]: { role: "customer", name: customer.name, joinedAt: "2026-11-25T14:00:00.000Z" },
      [agent.sub]: { role: "agent", name: agent.name, joinedAt: "2026-11-25T14:04:00.000Z" },
    },
    assistant: { language: "en", details: {}, turns: 1, agentOffered: false },
    lastSeq: 4,
    agentId: agent.sub,
    ...overrides,
  };
}

function thrownBy(act: () => void): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("requireParticipant", () => {
  it("accepts the chat's customer", () => {
    // Prepare
    const record = chat();

    // Act
    const act = () => requireParticipant(record, callerOf(customer));

    // Assess
    expect(act).not.toThrow();
  });

  it("accepts the chat's agent", () => {
    // Prepare
    const record = chat();

    // Act
    const act = () => requireParticipant(record, callerOf(agent));

    // Assess
    expect(act).not.toThrow();
  });

  it("refuses a missing chat with NOT_FOUND", () => {
    // Prepare
    const record: ChatRecord | undefined = undefined;

    // Act
    const error = thrownBy(() => requireParticipant(record, callerOf(customer)));

    // Assess
    expect(error).toBeInstanceOf(CareChatError);
    expect((error as CareChatError).code).toBe("NOT_FOUND");
  });

  it("refuses a caller who is not in the chat with NOT_FOUND", () => {
    // Prepare
    const record = chat();

    // Act
    const error = thrownBy(() => requireParticipant(record, callerOf(stranger)));

    // Assess
    expect(error).toBeInstanceOf(CareChatError);
    expect((error as CareChatError).code).toBe("NOT_FOUND");
  });

  it("answers a non-participant exactly as for a chat that does not exist, so nothing leaks", () => {
    // Prepare
    const record = chat({ caseNumber: "CC-261125-7K3M9Q", summary: "Card replaced." });

    // Act
    const missing = thrownBy(() => requireParticipant(undefined, callerOf(stranger))) as CareChatError;
    const foreign = thrownBy(() => requireParticipant(record, callerOf(stranger))) as CareChatError;

    // Assess
    expect({ code: foreign.code, message: foreign.message, name: foreign.name }).toEqual({
      code: missing.code,
      message: missing.message,
      name: missing.name,
    });
    for (const secret of [record.chatId, record.customer.name, "CC-261125-7K3M9Q", agent.name]) {
      expect(foreign.message).not.toContain(secret);
    }
  });

  it("refuses an agent of the same role who does not hold the chat", () => {
    // Prepare
    const record = chat();
    const otherAgent: StaffIdentity = { ...agent, sub: "agent-8", name: "Cy Agent" };

    // Act
    const error = thrownBy(() => requireParticipant(record, callerOf(otherAgent)));

    // Assess
    expect((error as CareChatError).code).toBe("NOT_FOUND");
  });

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    "refuses a caller whose sub is the Object.prototype member %s",
    (sub) => {
      // Prepare
      const record = chat();
      const probe: CustomerIdentity = { ...customer, sub };

      // Act
      const error = thrownBy(() => requireParticipant(record, callerOf(probe)));

      // Assess
      expect((error as CareChatError | undefined)?.code).toBe("NOT_FOUND");
    },
  );
});

describe("participantOf", () => {
  it("returns the caller's participant entry", () => {
    // Prepare
    const record = chat();

    // Act
    const participant = participantOf(record, callerOf(agent));

    // Assess
    expect(participant).toEqual({ role: "agent", name: agent.name, joinedAt: "2026-11-25T14:04:00.000Z" });
  });

  it("returns undefined for a caller who is not in the chat", () => {
    // Prepare
    const record = chat();

    // Act
    const participant = participantOf(record, callerOf(stranger));

    // Assess
    expect(participant).toBeUndefined();
  });
});

describe("requireActive", () => {
  it.each<ChatState>(["assistant", "queued", "assigned"])("lets a chat in state %s through", (state) => {
    // Prepare
    const record = chat({ state });

    // Act
    const act = () => requireActive(record);

    // Assess
    expect(act).not.toThrow();
  });

  it.each<ChatState>(["closing", "ended"])("refuses a chat in state %s with CHAT_CLOSED", (state) => {
    // Prepare
    const record = chat({ state });

    // Act
    const error = thrownBy(() => requireActive(record));

    // Assess
    expect(error).toBeInstanceOf(CareChatError);
    expect((error as CareChatError).code).toBe("CHAT_CLOSED");
  });

  it("decides for every chat state of the protocol", () => {
    // Prepare
    const states = [...chatStates];

    // Act
    const refused = states.filter((state) => thrownBy(() => requireActive(chat({ state }))) !== undefined);

    // Assess
    expect(refused).toEqual(["closing", "ended"]);
    expect([...ACTIVE_STATES, ...refused].sort()).toEqual([...chatStates].sort());
  });
});
