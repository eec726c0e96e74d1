import { describe, expect, it } from "vitest";
import {
  type ClientAction,
  clientActions,
  clientFrameSchemas,
  isClientAction,
} from "../../../../functions/lib/protocol/client-frames.ts";

/** The smallest valid frame of every action: the required fields only. */
const minimalFrames: { [A in ClientAction]: Record<string, unknown> } = {
  startChat: { action: "startChat" },
  sendMessage: { action: "sendMessage", chatId: "chat-1", clientMessageId: "m-1", text: "Hi" },
  requestAgent: { action: "requestAgent", chatId: "chat-1" },
  resume: { action: "resume", chatId: "chat-1" },
  typing: { action: "typing", chatId: "chat-1" },
  endChat: { action: "endChat", chatId: "chat-1" },
  getTranscript: { action: "getTranscript", chatId: "chat-1" },
  setPresence: { action: "setPresence", status: "available" },
  acceptChat: { action: "acceptChat", chatId: "chat-1" },
  declineChat: { action: "declineChat", chatId: "chat-1" },
  transferChat: { action: "transferChat", chatId: "chat-1" },
  escalateChat: { action: "escalateChat", chatId: "chat-1", reason: "Needs a supervisor." },
  ping: { action: "ping" },
  listChats: { action: "listChats" },
  leaveQueue: { action: "leaveQueue", chatId: "chat-1" },
  requestVerification: { action: "requestVerification", chatId: "chat-1" },
  verify: { action: "verify", chatId: "chat-1", verificationId: "v-1", last4: "1234", postalCode: "10001" },
  requestUpload: { action: "requestUpload", chatId: "chat-1" },
  getAttachment: { action: "getAttachment", chatId: "chat-1", attachmentId: "u-1" },
  monitorChat: { action: "monitorChat", chatId: "chat-1" },
  stopMonitoring: { action: "stopMonitoring", chatId: "chat-1" },
  whisper: { action: "whisper", chatId: "chat-1", text: "Offer the fee refund." },
  bargeIn: { action: "bargeIn", chatId: "chat-1" },
  watchQueues: { action: "watchQueues" },
  unwatchQueues: { action: "unwatchQueues" },
  listQueueChats: { action: "listQueueChats" },
  getCase: { action: "getCase", caseNumber: "CC-261125-7K3M9Q" },
  updateCase: { action: "updateCase", caseNumber: "CC-261125-7K3M9Q", status: "in-progress" },
  logComplaint: { action: "logComplaint", chatId: "chat-1", text: "Charged twice and nobody called back." },
  rateChat: { action: "rateChat", chatId: "chat-1", score: 5 },
  wrapUp: { action: "wrapUp", chatId: "chat-1", code: "dispute-filed" },
  inviteToChat: { action: "inviteToChat", chatId: "chat-1", reason: "Travel question." },
  leaveChat: { action: "leaveChat", chatId: "chat-1" },
  listCannedResponses: { action: "listCannedResponses", chatId: "chat-1" },
};

const requiredFieldCases = Object.entries(minimalFrames).flatMap(([action, frame]) =>
  Object.keys(frame).map((field) => [action as ClientAction, field] as const),
);

describe("clientFrameSchemas", () => {
  it("covers exactly the actions of the contract", () => {
    // Prepare
    const contract = [
      "startChat",
      "sendMessage",
      "requestAgent",
      "resume",
      "typing",
      "endChat",
      "getTranscript",
      "setPresence",
      "acceptChat",
      "declineChat",
      "transferChat",
      "escalateChat",
      // Added in v2.
      "ping",
      "listChats",
      "leaveQueue",
      "requestVerification",
      "verify",
      "requestUpload",
      "getAttachment",
      "monitorChat",
      "whisper",
      "bargeIn",
      "watchQueues",
      // The supervisor tools' own additions.
      "stopMonitoring",
      "unwatchQueues",
      "listQueueChats",
      "getCase",
      "updateCase",
      "logComplaint",
      "rateChat",
      "wrapUp",
      "inviteToChat",
      "leaveChat",
      "listCannedResponses",
    ];

    // Act
    const actions = [...clientActions];

    // Assess
    expect(actions.sort()).toEqual(contract.sort());
    expect(Object.keys(minimalFrames).sort()).toEqual(actions.sort());
  });

  it.each(clientActions)("accepts a minimal valid %s frame", (action) => {
    // Prepare
    const frame = minimalFrames[action];

    // Act
    const parsed = clientFrameSchemas[action].safeParse(frame);

    // Assess
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject(frame);
  });

  it.each(clientActions)("accepts a %s frame with a requestId", (action) => {
    // Prepare
    const frame = { ...minimalFrames[action], requestId: "req-42" };

    // Act
    const parsed = clientFrameSchemas[action].safeParse(frame);

    // Assess
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ requestId: "req-42" });
  });

  it.each(requiredFieldCases)("refuses a %s frame missing %s, naming the field", (action, field) => {
    // Prepare
    const { [field]: _dropped, ...frame } = minimalFrames[action];

    // Act
    const parsed = clientFrameSchemas[action].safeParse(frame);

    // Assess
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
  });

  it.each(clientActions)("refuses a %s frame carrying another action", (action) => {
    // Prepare
    const other = clientActions.find((candidate) => candidate !== action);
    const frame = { ...minimalFrames[action], action: other };

    // Act
    const parsed = clientFrameSchemas[action].safeParse(frame);

    // Assess
    expect(parsed.success).toBe(false);
  });

  it.each(clientActions.filter((action) => "chatId" in minimalFrames[action]))(
    "refuses a %s frame whose chatId is empty, too long or not a string",
    (action) => {
      // Prepare
      const frames = ["", "c".repeat(65), 42, null].map((chatId) => ({ ...minimalFrames[action], chatId }));

      // Act
      const results = frames.map((frame) => clientFrameSchemas[action].safeParse(frame).success);

      // Assess
      expect(results).toEqual([false, false, false, false]);
    },
  );

  it("defaults afterSeq to 0 for resume and getTranscript", () => {
    // Prepare
    const frames = [minimalFrames.resume, minimalFrames.getTranscript];

    // Act
    const parsed = [
      clientFrameSchemas.resume.parse(frames[0]),
      clientFrameSchemas.getTranscript.parse(frames[1]),
    ];

    // Assess
    expect(parsed.map((frame) => frame.afterSeq)).toEqual([0, 0]);
  });

  it.each([-1, 1.5, "3"])("refuses a resume frame whose afterSeq is %j", (afterSeq) => {
    // Prepare
    const frame = { ...minimalFrames.resume, afterSeq };

    // Act
    const parsed = clientFrameSchemas.resume.safeParse(frame);

    // Assess
    expect(parsed.success).toBe(false);
  });

  it("accepts every optional startChat field", () => {
    // Prepare
    const frame = {
      action: "startChat",
      topic: "lost-card",
      accountLast4: "1234",
      language: "es",
      text: "Hola",
    };

    // Act
    const parsed = clientFrameSchemas.startChat.safeParse(frame);

    // Assess
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(frame);
  });

  it.each([
    ["accountLast4", "12345"],
    ["accountLast4", "12a4"],
    ["language", "fr"],
    ["topic", "t".repeat(65)],
  ])("refuses a startChat frame whose %s is %j", (field, value) => {
    // Prepare
    const frame = { action: "startChat", [field]: value };

    // Act
    const parsed = clientFrameSchemas.startChat.safeParse(frame);

    // Assess
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
  });

  it("does not limit the text length itself, so the handler can answer PAYLOAD_TOO_LARGE", () => {
    // Prepare
    const frame = { ...minimalFrames.sendMessage, text: "a".repeat(10_000) };

    // Act
    const parsed = clientFrameSchemas.sendMessage.safeParse(frame);

    // Assess
    expect(parsed.success).toBe(true);
  });

  it.each(["available", "away", "offline"])("accepts the presence status %s", (status) => {
    // Prepare
    const frame = { action: "setPresence", status };

    // Act
    const parsed = clientFrameSchemas.setPresence.safeParse(frame);

    // Assess
    expect(parsed.success).toBe(true);
  });

  it("refuses an unknown presence status", () => {
    // Prepare
    const frame = { action: "setPresence", status: "busy" };

    // Act
    const parsed = clientFrameSchemas.setPresence.safeParse(frame);

    // Assess
    expect(parsed.success).toBe(false);
  });

  it("refuses an escalation with an empty reason", () => {
    // Prepare
    const frame = { ...minimalFrames.escalateChat, reason: "" };

    // Act
    const parsed = clientFrameSchemas.escalateChat.safeParse(frame);

    // Assess
    expect(parsed.success).toBe(false);
  });

  it("accepts a transfer with a target queue and a note", () => {
    // Prepare
    const frame = {
      ...minimalFrames.transferChat,
      queueId: "fraud-en",
      note: "Customer reports two charges.",
    };

    // Act
    const parsed = clientFrameSchemas.transferChat.safeParse(frame);

    // Assess
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(frame);
  });
});

describe("isClientAction", () => {
  it.each(clientActions)("recognises %s", (action) => {
    // Prepare
    const value: unknown = action;

    // Act
    const known = isClientAction(value);

    // Assess
    expect(known).toBe(true);
  });

  it.each([
    "SendMessage",
    "send_message",
    "",
    "$default",
    "toString",
    "__proto__",
    "constructor",
    "hasOwnProperty",
    42,
    null,
    undefined,
    { action: "sendMessage" },
  ])("refuses %j", (value) => {
    // Prepare
    const candidate: unknown = value;

    // Act
    const known = isClientAction(candidate);

    // Assess
    expect(known).toBe(false);
  });
});
