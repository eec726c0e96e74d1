import { describe, expect, it } from "vitest";
import {
  chatStates,
  errorCodes,
  errorFrame,
  type ServerFrameType,
  serverFrameSchemas,
} from "../../../../functions/lib/protocol/server-frames.ts";

const history = [
  {
    seq: 1,
    from: { role: "customer", id: "customer-1", name: "Ana" },
    text: "My card ending 1234 was charged twice.",
    sentAt: "2026-11-25T14:00:00.000Z",
    redacted: false,
  },
  {
    seq: 2,
    from: { role: "assistant" },
    text: "I can help with that. Which merchant?",
    sentAt: "2026-11-25T14:00:01.000Z",
    redacted: false,
  },
];

const note = {
  noteSeq: 1,
  from: { role: "supervisor", id: "sup-1", name: "Grace" },
  text: "Offer the fee refund.",
  sentAt: "2026-11-25T14:00:02.000Z",
  redacted: false,
};

const context = {
  topic: "dispute",
  language: "en",
  country: "US",
  segment: "consumer",
  customerName: "Ana",
  accountLast4: "1234",
  details: { amount: "42.10", merchant: "Coffee Shop", date: "2026-11-24" },
};

/** A realistic frame of every type, as the handlers send them. */
const realisticFrames: { [T in ServerFrameType]: Record<string, unknown> } = {
  queued: {
    type: "queued",
    requestId: "r-1",
    chatId: "chat-1",
    queueId: "cards-en",
    position: 2,
    estimatedWaitSeconds: 180,
    estimatedWaitText: "about 3 minutes",
  },
  queueStatus: {
    type: "queueStatus",
    chatId: "chat-1",
    queueId: "cards-en",
    position: 1,
    estimatedWaitSeconds: null,
    estimatedWaitText: "we cannot estimate the wait right now",
  },
  agentJoined: { type: "agentJoined", chatId: "chat-1", agent: { id: "agent-7", name: "Bo" } },
  chatOffered: { type: "chatOffered", chatId: "chat-1", queueId: "cards-en", context, expiresInSeconds: 30 },
  offerWithdrawn: { type: "offerWithdrawn", chatId: "chat-1", reason: "expired" },
  chatAssigned: {
    type: "chatAssigned",
    requestId: "r-2",
    chatId: "chat-1",
    queueId: "cards-en",
    context,
    history,
  },
  presence: { type: "presence", requestId: "r-3", status: "available", activeChats: 1, maxChats: 3 },
  transferring: { type: "transferring", chatId: "chat-1", queueId: "fraud-en", reason: "transfer" },
  transferStarted: { type: "transferStarted", requestId: "r-4", chatId: "chat-1", queueId: "fraud-en" },
  agentUnavailable: {
    type: "agentUnavailable",
    chatId: "chat-1",
    queueId: "corporate-en",
    reason: "closed",
    hours: "Monday to Friday, 8 am to 8 pm Eastern",
    contactNumber: "1-800-555-0100",
  },
  message: {
    type: "message",
    chatId: "chat-1",
    seq: 3,
    from: { role: "agent", id: "agent-7", name: "Bo" },
    text: "I see the two charges.",
    sentAt: "2026-11-25T14:02:00.000Z",
    redacted: false,
  },
  chatStarted: {
    type: "chatStarted",
    requestId: "r-5",
    chatId: "chat-1",
    state: "assistant",
    caseNumber: "CC-261125-7K3M9Q",
  },
  ack: {
    type: "ack",
    requestId: "r-6",
    chatId: "chat-1",
    clientMessageId: "m-1",
    seq: 4,
    redacted: true,
    duplicate: false,
  },
  resumed: {
    type: "resumed",
    requestId: "r-7",
    chatId: "chat-1",
    state: "ended",
    lastSeq: 9,
    caseNumber: "CC-261125-7K3M9Q",
  },
  typing: { type: "typing", chatId: "chat-1", from: { role: "customer", id: "customer-1" } },
  chatEnded: {
    type: "chatEnded",
    chatId: "chat-1",
    caseNumber: "CC-261125-7K3M9Q",
    summary: "Topic: duplicate charge. Done: dispute opened. Next: a provisional credit within 2 days.",
  },
  chatEnding: { type: "chatEnding", requestId: "r-8", chatId: "chat-1" },
  transcript: {
    type: "transcript",
    requestId: "r-9",
    chatId: "chat-1",
    state: "ended",
    caseNumber: "CC-261125-7K3M9Q",
    summary: "Dispute opened.",
    messages: history,
    hasMore: false,
  },
  error: { type: "error", requestId: "r-10", code: "NOT_FOUND", message: "No such chat." },
  pong: { type: "pong", requestId: "r-11" },
  chats: {
    type: "chats",
    requestId: "r-12",
    chats: [
      { chatId: "chat-2", state: "assigned", startedAt: "2026-12-01T20:00:00.000Z", lastSeq: 7 },
      {
        chatId: "chat-1",
        state: "ended",
        caseNumber: "CC-261130-7K3M9Q",
        startedAt: "2026-11-30T09:00:00.000Z",
        lastSeq: 12,
      },
    ],
  },
  leftQueue: { type: "leftQueue", requestId: "r-13", chatId: "chat-1" },
  agentJoining: {
    type: "agentJoining",
    chatId: "chat-1",
    queueId: "us-consumer-en",
    text: "An agent is about to join the chat.",
  },
  verificationRequested: {
    type: "verificationRequested",
    requestId: "r-13",
    chatId: "chat-1",
    verificationId: "v-1",
    fields: ["last4", "postalCode"],
  },
  verificationResult: {
    type: "verificationResult",
    chatId: "chat-1",
    verificationId: "v-1",
    outcome: "locked",
    contactNumber: "1-800-528-4800",
  },
  uploadRequested: {
    type: "uploadRequested",
    chatId: "chat-1",
    uploadId: "u-1",
    url: "https://carechat-uploads.s3.us-east-1.amazonaws.com/",
    method: "POST",
    fields: { key: "incoming/chat-1/u-1", Policy: "eyJ…", "X-Amz-Signature": "ab12" },
    maxBytes: 10_485_760,
    contentTypes: ["application/pdf", "image/png", "image/jpeg"],
    expiresAt: "2026-12-01T20:05:00.000Z",
    purpose: "Proof of address",
  },
  uploadPending: {
    type: "uploadPending",
    requestId: "r-14",
    chatId: "chat-1",
    uploadId: "u-1",
    expiresAt: "2026-12-01T20:05:00.000Z",
  },
  uploadRejected: { type: "uploadRejected", chatId: "chat-1", uploadId: "u-1", reason: "type" },
  attachmentUrl: {
    type: "attachmentUrl",
    requestId: "r-15",
    chatId: "chat-1",
    attachmentId: "u-1",
    url: "https://carechat-uploads.s3.us-east-1.amazonaws.com/attachments/chat-1/u-1/ab12?X-Amz-Expires=60",
    expiresAt: "2026-12-01T20:01:00.000Z",
  },
  participantJoined: {
    type: "participantJoined",
    chatId: "chat-1",
    participant: { role: "supervisor", id: "sup-1", name: "Grace" },
  },
  participantLeft: {
    type: "participantLeft",
    chatId: "chat-1",
    participant: { role: "agent", id: "agent-2", name: "Travel desk" },
  },
  note: { type: "note", chatId: "chat-1", ...note },
  noteAck: { type: "noteAck", requestId: "r-13", chatId: "chat-1", noteSeq: 1, redacted: false },
  monitoring: {
    type: "monitoring",
    requestId: "r-14",
    chatId: "chat-1",
    state: "assigned",
    queueId: "cards-en",
    history,
    notes: [note],
  },
  monitoringStopped: { type: "monitoringStopped", requestId: "r-15", chatId: "chat-1" },
  bargedIn: { type: "bargedIn", requestId: "r-16", chatId: "chat-1", history, notes: [] },
  queueSnapshot: {
    type: "queueSnapshot",
    requestId: "r-17",
    at: "2026-12-01T20:00:00.000Z",
    queues: [
      {
        queueId: "cards-en",
        waiting: 3,
        longestWaitSeconds: 95,
        agents: { available: 2, away: 1, busy: 4 },
        offersTimedOut: 1,
        abandoned: 2,
        estimateErrorSeconds: 41.5,
        estimateSamples: 12,
      },
      {
        queueId: "cards-es",
        waiting: 0,
        longestWaitSeconds: 0,
        agents: { available: 0, away: 0, busy: 0 },
        offersTimedOut: 0,
        abandoned: 0,
        estimateSamples: 0,
      },
    ],
  },
  queuesUnwatched: { type: "queuesUnwatched", requestId: "r-18" },
  queueChats: {
    type: "queueChats",
    requestId: "r-19",
    chats: [
      {
        chatId: "chat-1",
        state: "assigned",
        queueId: "cards-en",
        customerName: "Ana",
        topic: "dispute",
        language: "en",
        startedAt: "2026-12-01T19:58:00.000Z",
        participants: [{ id: "agent-1", name: "Sam", role: "agent" }],
      },
    ],
  },
  case: {
    type: "case",
    requestId: "r-13",
    caseNumber: "CC-261125-7K3M9Q",
    chatId: "chat-1",
    kind: "complaint",
    status: "in-progress",
    createdAt: "2026-11-25T14:05:00.000Z",
    updatedAt: "2026-11-26T09:00:00.000Z",
    history: [
      { status: "open", at: "2026-11-25T14:05:00.000Z", by: { role: "agent", id: "agent-7", name: "Bo" } },
      {
        status: "in-progress",
        at: "2026-11-26T09:00:00.000Z",
        note: "Called the merchant.",
        by: { role: "supervisor", name: "Kim" },
      },
    ],
    text: "Charged twice.",
  },
  complaintLogged: {
    type: "complaintLogged",
    requestId: "r-14",
    chatId: "chat-1",
    caseNumber: "CC-261125-7K3M9Q",
  },
  chatRated: { type: "chatRated", requestId: "r-15", chatId: "chat-1" },
  wrappedUp: {
    type: "wrappedUp",
    requestId: "r-16",
    chatId: "chat-1",
    caseNumber: "CC-261125-7K3M9Q",
    code: "dispute-filed",
  },
  inviteSent: {
    type: "inviteSent",
    requestId: "r-13",
    chatId: "chat-1",
    inviteId: "5f0c8f0e-0b7e-4f5e-9d59-2b3f1f7c2a11",
    queueId: "us-travel-en",
  },
  inviteEnded: {
    type: "inviteEnded",
    chatId: "chat-1",
    inviteId: "5f0c8f0e-0b7e-4f5e-9d59-2b3f1f7c2a11",
    outcome: "notAccepted",
  },
  holderChanged: { type: "holderChanged", chatId: "chat-1", holder: { id: "agent-travel", name: "Riley" } },
  leftChat: { type: "leftChat", requestId: "r-14", chatId: "chat-1" },
  cannedResponses: {
    type: "cannedResponses",
    requestId: "r-15",
    chatId: "chat-1",
    responses: [{ id: "closing", title: "Closing", text: "Thank you for chatting with us today, Ana." }],
  },
};

const serverFrameTypes = Object.keys(serverFrameSchemas) as ServerFrameType[];

describe("serverFrameSchemas", () => {
  it("has a realistic example for every frame type", () => {
    // Prepare
    const examples = Object.keys(realisticFrames);

    // Act
    const missing = serverFrameTypes.filter((type) => !examples.includes(type));

    // Assess
    expect(missing).toEqual([]);
  });

  it.each(serverFrameTypes)("accepts a realistic %s frame", (type) => {
    // Prepare
    const frame = realisticFrames[type];

    // Act
    const parsed = serverFrameSchemas[type].safeParse(frame);

    // Assess
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(frame);
  });

  it.each(serverFrameTypes)("keys the %s schema by the frame's own type", (type) => {
    // Prepare
    const frame = { ...realisticFrames[type], type: type === "error" ? "message" : "error" };

    // Act
    const parsed = serverFrameSchemas[type].safeParse(frame);

    // Assess
    expect(parsed.success).toBe(false);
  });

  it.each(["CHAT_CLOSED", "RATE_LIMITED", "INTERNAL", "UNKNOWN_ACTION"])(
    "accepts the error code %s",
    (code) => {
      // Prepare
      const frame = { type: "error", code, message: "..." };

      // Act
      const parsed = errorFrame.safeParse(frame);

      // Assess
      expect(parsed.success).toBe(true);
    },
  );

  it("lists exactly the error codes of the contract", () => {
    // Prepare
    const contract = [
      "BAD_REQUEST",
      "UNKNOWN_ACTION",
      "UNAUTHORIZED",
      "FORBIDDEN",
      "NOT_FOUND",
      "CONFLICT",
      "CHAT_CLOSED",
      "PAYLOAD_TOO_LARGE",
      "RATE_LIMITED",
      "INTERNAL",
    ];

    // Act
    const codes = [...errorCodes];

    // Assess
    expect(codes).toEqual(contract);
  });

  it("refuses an error code outside the contract", () => {
    // Prepare
    const frame = { type: "error", code: "TEAPOT", message: "I am a teapot." };

    // Act
    const parsed = errorFrame.safeParse(frame);

    // Assess
    expect(parsed.success).toBe(false);
  });

  it.each(["customer", "assistant", "agent", "supervisor", "system"])(
    "accepts a message from a %s",
    (role) => {
      // Prepare
      const frame = { ...realisticFrames.message, from: { role } };

      // Act
      const parsed = serverFrameSchemas.message.safeParse(frame);

      // Assess
      expect(parsed.success).toBe(true);
    },
  );

  it.each([0, -1, 1.5])("refuses a message whose seq is %d", (seq) => {
    // Prepare
    const frame = { ...realisticFrames.message, seq };

    // Act
    const parsed = serverFrameSchemas.message.safeParse(frame);

    // Assess
    expect(parsed.success).toBe(false);
  });

  it("refuses a message without the redacted flag", () => {
    // Prepare
    const { redacted: _redacted, ...frame } = realisticFrames.message;

    // Act
    const parsed = serverFrameSchemas.message.safeParse(frame);

    // Assess
    expect(parsed.success).toBe(false);
  });

  it("refuses a chatEnded frame without a case number or a summary", () => {
    // Prepare
    const { caseNumber: _caseNumber, ...noCase } = realisticFrames.chatEnded;
    const { summary: _summary, ...noSummary } = realisticFrames.chatEnded;

    // Act
    const results = [noCase, noSummary].map((frame) => serverFrameSchemas.chatEnded.safeParse(frame).success);

    // Assess
    expect(results).toEqual([false, false]);
  });

  it("accepts a queued frame whose estimate is null but refuses a negative one", () => {
    // Prepare
    const unknownWait = { ...realisticFrames.queued, estimatedWaitSeconds: null };
    const negativeWait = { ...realisticFrames.queued, estimatedWaitSeconds: -5 };

    // Act
    const results = [unknownWait, negativeWait].map(
      (frame) => serverFrameSchemas.queued.safeParse(frame).success,
    );

    // Assess
    expect(results).toEqual([true, false]);
  });

  it("knows the chat states of the lifecycle", () => {
    // Prepare
    const expected = ["assistant", "queued", "assigned", "closing", "ended"];

    // Act
    const states = [...chatStates];

    // Assess
    expect(states).toEqual(expected);
  });
});
