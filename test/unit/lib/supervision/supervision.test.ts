import { describe, expect, it } from "vitest";
import { getTranscript } from "../../../../functions/lib/chat/get-transcript.ts";
import { resumeChat } from "../../../../functions/lib/chat/resume-chat.ts";
import { sendMessage } from "../../../../functions/lib/chat/send-message.ts";
import { bargeIn } from "../../../../functions/lib/supervision/barge-in.ts";
import { monitorChat, stopMonitoring } from "../../../../functions/lib/supervision/monitor-chat.ts";
import { whisper } from "../../../../functions/lib/supervision/whisper.ts";
import { assignedChat, customer, staff } from "../../support/fixtures.ts";
import { inMemoryWorld } from "../../support/in-memory-ports.ts";

const agent = staff("agent-1");
const supervisor = staff("sup-1", { role: "supervisor", name: "Grace", queues: ["general"] });
const chatId = "chat-1";

/** A chat of `general` held by agent-1, the customer and the agent subscribed, a supervisor connected. */
function world() {
  const memory = inMemoryWorld();
  const customerCaller = memory.connect(customer);
  const agentCaller = memory.connect(agent);
  const supervisorCaller = memory.connect(supervisor);
  memory.seedChat(assignedChat(agent), [customerCaller, agentCaller]);
  return { memory, customerCaller, agentCaller, supervisorCaller };
}

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );

describe("monitorChat", () => {
  it("subscribes the connection as a monitor without making it a participant or telling anyone", async () => {
    // Prepare
    const { memory, supervisorCaller } = world();

    // Act
    const reply = await monitorChat(memory.ports, supervisorCaller, { action: "monitorChat", chatId });

    // Assess
    expect(reply).toMatchObject({
      type: "monitoring",
      chatId,
      state: "assigned",
      queueId: "general",
      notes: [],
    });
    expect(memory.table.subscriptionsOf(chatId).get(supervisorCaller.connectionId)?.audience).toBe("monitor");
    expect(Object.keys((await memory.ports.chats.get(chatId))?.participants ?? {})).not.toContain("sup-1");
    expect(memory.sender.sent).toEqual([]);
  });

  it("answers a supervisor of other queues as if the chat did not exist, and an agent with FORBIDDEN", async () => {
    // Prepare
    const { memory, agentCaller } = world();
    const other = memory.connect(staff("sup-2", { role: "supervisor", queues: ["billing"] }));

    // Act
    const codes = [
      await errorOf(monitorChat(memory.ports, other, { action: "monitorChat", chatId })),
      await errorOf(monitorChat(memory.ports, agentCaller, { action: "monitorChat", chatId })),
    ];

    // Assess
    expect(codes).toEqual(["NOT_FOUND", "FORBIDDEN"]);
    expect(memory.table.subscriptionsOf(chatId).has(other.connectionId)).toBe(false);
  });

  it("refuses a monitor's message with FORBIDDEN and stores nothing; stopMonitoring unsubscribes", async () => {
    // Prepare
    const { memory, supervisorCaller } = world();
    await monitorChat(memory.ports, supervisorCaller, { action: "monitorChat", chatId });

    // Act
    const code = await errorOf(
      sendMessage(memory.ports, supervisorCaller, {
        action: "sendMessage",
        chatId,
        clientMessageId: "s1",
        text: "hi",
      }),
    );
    await stopMonitoring(memory.ports, supervisorCaller, { action: "stopMonitoring", chatId });

    // Assess
    expect(code).toBe("FORBIDDEN");
    expect((await memory.ports.chats.get(chatId))?.lastSeq).toBe(1);
    expect(memory.table.subscriptionsOf(chatId).has(supervisorCaller.connectionId)).toBe(false);
  });
});

describe("whisper", () => {
  it("numbers notes apart from messages and delivers them to staff and monitors only", async () => {
    // Prepare
    const { memory, supervisorCaller, agentCaller, customerCaller } = world();
    await monitorChat(memory.ports, supervisorCaller, { action: "monitorChat", chatId });

    // Act
    const first = await whisper(memory.ports, supervisorCaller, {
      action: "whisper",
      chatId,
      text: "Refund it.",
    });
    const second = await whisper(memory.ports, agentCaller, { action: "whisper", chatId, text: "Done." });
    const byCustomer = await errorOf(
      whisper(memory.ports, customerCaller, { action: "whisper", chatId, text: "x" }),
    );

    // Assess
    expect([first.noteSeq, second.noteSeq]).toEqual([1, 2]);
    expect(byCustomer).toBe("FORBIDDEN");
    expect((await memory.ports.chats.get(chatId))?.lastSeq).toBe(1);
    const notesTo = (connectionId: string) =>
      memory.sender.toConnection(connectionId).filter((frame) => frame.type === "note");
    expect(notesTo(agentCaller.connectionId)).toHaveLength(2);
    expect(notesTo(supervisorCaller.connectionId)).toHaveLength(2);
    expect(memory.sender.toConnection(customerCaller.connectionId)).toEqual([]);
  });

  it("masks a card number in a note", async () => {
    // Prepare
    const { memory, agentCaller } = world();

    // Act
    const ack = await whisper(memory.ports, agentCaller, {
      action: "whisper",
      chatId,
      text: "The card is 4111 1111 1111 1111.",
    });

    // Assess
    const [note] = await memory.ports.notes.list(chatId);
    expect(ack.redacted).toBe(true);
    expect(note?.text).not.toContain("4111 1111 1111 1111");
    expect(note?.text).toContain("1111");
  });

  it("keeps notes out of the customer's transcript and resume, and in the staff's", async () => {
    // Prepare
    const { memory, agentCaller, customerCaller } = world();
    await whisper(memory.ports, agentCaller, { action: "whisper", chatId, text: "Staff only." });
    memory.sender.sent.length = 0;

    // Act
    const forCustomer = await getTranscript(memory.ports, customerCaller, {
      action: "getTranscript",
      chatId,
      afterSeq: 0,
    });
    const forAgent = await getTranscript(memory.ports, agentCaller, {
      action: "getTranscript",
      chatId,
      afterSeq: 0,
    });
    await resumeChat(memory.ports, customerCaller, { action: "resume", chatId, afterSeq: 0 });
    await resumeChat(memory.ports, agentCaller, { action: "resume", chatId, afterSeq: 0 });

    // Assess
    expect(forCustomer.notes).toBeUndefined();
    expect(forAgent.notes?.map((note) => note.text)).toEqual(["Staff only."]);
    expect(
      memory.sender.toConnection(customerCaller.connectionId).some((frame) => frame.type === "note"),
    ).toBe(false);
    expect(
      memory.sender.toConnection(agentCaller.connectionId).filter((frame) => frame.type === "note"),
    ).toHaveLength(1);
  });
});

describe("bargeIn", () => {
  it("makes the supervisor a participant, tells everyone once, and lets them send", async () => {
    // Prepare
    const { memory, supervisorCaller, customerCaller, agentCaller } = world();
    await monitorChat(memory.ports, supervisorCaller, { action: "monitorChat", chatId });

    // Act
    await bargeIn(memory.ports, supervisorCaller, { action: "bargeIn", chatId });
    await bargeIn(memory.ports, supervisorCaller, { action: "bargeIn", chatId });
    const ack = await sendMessage(memory.ports, supervisorCaller, {
      action: "sendMessage",
      chatId,
      clientMessageId: "s1",
      text: "I'm here.",
    });

    // Assess
    const chat = await memory.ports.chats.get(chatId);
    expect(chat?.participants["sup-1"]?.role).toBe("supervisor");
    expect(memory.table.subscriptionsOf(chatId).get(supervisorCaller.connectionId)?.audience).toBeUndefined();
    const joined = (connectionId: string) =>
      memory.sender.toConnection(connectionId).filter((frame) => frame.type === "participantJoined");
    expect(joined(customerCaller.connectionId)).toEqual([
      { type: "participantJoined", chatId, participant: { role: "supervisor", id: "sup-1", name: "Grace" } },
    ]);
    expect(joined(agentCaller.connectionId)).toHaveLength(1);
    const texts = memory.sender
      .toConnection(customerCaller.connectionId)
      .flatMap((frame) => (frame.type === "message" ? [frame.text] : []));
    expect(texts).toContain("A supervisor has joined the chat: Grace.");
    expect(ack.seq).toBe(chat?.lastSeq);
  });
});
