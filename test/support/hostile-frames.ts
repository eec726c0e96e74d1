import fc from "fast-check";

/**
 * Generators of hostile client frames for the fuzz suite. Each generated case is the raw text sent on the
 * socket and the error codes an honest server may answer it with. Nothing generated here is a request the
 * sender is allowed to make, so none of them may change a stored item.
 */
export interface HostileFrame {
  readonly kind: string;
  readonly raw: string;
  /** The requestId the reply must echo; undefined when the frame carries none usable. */
  readonly requestId?: string;
  readonly codes: readonly string[];
}

export interface Targets {
  /** A chat of another customer, or one held by another agent: the sender is not in it. */
  readonly foreignChatIds: readonly string[];
  /** The sender's own chat, if it has one. */
  readonly ownChatId?: string;
  readonly role: "customer" | "agent" | "supervisor";
}

export const ACTIONS = [
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
] as const;

const BAD_REQUEST = ["BAD_REQUEST"];
const REFUSED = ["FORBIDDEN", "NOT_FOUND"];
// Starting chats is rate-limited per user before anything is read (kernel/start-rate.ts): a burst of
// refused starts may be shed with RATE_LIMITED instead of being looked at.
const SHED = ["RATE_LIMITED"];
// A staff member accepting or declining a chat never offered to them is told the offer is gone.
const REFUSED_OFFER = ["FORBIDDEN", "NOT_FOUND", "CONFLICT"];

const STATUSES = ["available", "away", "offline"];
const POLLUTING_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty"];

const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...POLLUTING_KEYS, "a"), fc.integer(), { maxKeys: 3 }),
  fc.constant(""),
);

const deep = (depth: number, open: string, close: string, leaf: string) =>
  `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;

/** Nested far beyond any schema, but under the 32 KB frame limit. */
const deepValue = fc.oneof(
  fc.integer({ min: 50, max: 2_000 }).map((depth) => deep(depth, "[", "]", "1")),
  fc.integer({ min: 50, max: 1_000 }).map((depth) => deep(depth, '{"__proto__":', "}", '"x"')),
  fc.integer({ min: 50, max: 1_000 }).map((depth) => deep(depth, '{"a":', "}", "null")),
);

const bigString = fc.integer({ min: 4_100, max: 16_000 }).map((size) => JSON.stringify("9".repeat(size)));

let counter = 0;
const nextId = () => {
  counter += 1;
  return `fz-${counter}`;
};

function frame(kind: string, body: Record<string, unknown>, codes: readonly string[]): HostileFrame {
  const requestId = nextId();
  return { kind, raw: JSON.stringify({ ...body, requestId }), requestId, codes };
}

/** Whatever the sender: text that is not a JSON object, or an object with no usable action. */
const notAFrame: fc.Arbitrary<HostileFrame> = fc.oneof(
  fc.string({ maxLength: 200 }).map((raw) => ({ kind: "garbage", raw: `{${raw}`, codes: BAD_REQUEST })),
  fc
    .jsonValue({ maxDepth: 3 })
    .filter((value) => typeof value !== "object" || value === null || Array.isArray(value))
    .map((value) => ({ kind: "not an object", raw: JSON.stringify(value), codes: BAD_REQUEST })),
  wrongValue.map((action) =>
    frame("action of the wrong type", { action }, [...BAD_REQUEST, "UNKNOWN_ACTION"]),
  ),
  fc.constant(0).map(() => frame("no action", { chatId: "x" }, BAD_REQUEST)),
  fc
    .oneof(
      fc.constantFrom(...POLLUTING_KEYS, "$default", "$connect", "SENDMESSAGE"),
      fc.string({ maxLength: 40 }),
    )
    .filter((action) => !(ACTIONS as readonly string[]).includes(action))
    .map((action) => frame("unknown action", { action }, ["UNKNOWN_ACTION", "BAD_REQUEST"])),
  fc
    .tuple(fc.constantFrom(...ACTIONS), fc.constantFrom(...POLLUTING_KEYS))
    .map(([action, key]) => ({
      kind: "polluting keys only",
      // startChat needs no field at all, so an invalid language keeps it from being a valid request.
      raw: `{"action":"${action}",${action === "startChat" ? '"language":"xx",' : ""}"${key}":{"chatId":"c","text":"t","status":"available","isAdmin":true},"requestId":"${nextId()}"}`,
      codes: BAD_REQUEST,
    }))
    .map((hostile) => ({ ...hostile, requestId: /"requestId":"([^"]+)"/.exec(hostile.raw)?.[1] })),
);

/** A frame for one action whose every field is present but one is of the wrong type, huge or deep. */
function malformedAction(targets: Targets): fc.Arbitrary<HostileFrame> {
  const chatId = targets.ownChatId ?? targets.foreignChatIds[0] ?? "none";
  const valid: Record<string, Record<string, unknown>> = {
    startChat: { topic: "card", language: "en" },
    sendMessage: { chatId, clientMessageId: "m", text: "hi" },
    requestAgent: { chatId },
    resume: { chatId, afterSeq: 0 },
    typing: { chatId },
    endChat: { chatId },
    getTranscript: { chatId, afterSeq: 0 },
    setPresence: { status: "away" },
    acceptChat: { chatId },
    declineChat: { chatId },
    transferChat: { chatId, note: "n" },
    escalateChat: { chatId, reason: "r" },
  };
  const required: Record<string, string[]> = {
    startChat: ["topic", "language", "accountLast4"],
    sendMessage: ["chatId", "clientMessageId", "text"],
    resume: ["chatId", "afterSeq"],
    getTranscript: ["chatId", "afterSeq"],
    setPresence: ["status"],
    transferChat: ["chatId", "queueId", "note"],
    escalateChat: ["chatId", "reason"],
  };
  return fc
    .tuple(fc.constantFrom(...ACTIONS), fc.nat(), fc.oneof(wrongValue, deepValue, bigString))
    .map(([action, pick, value]) => {
      const fields = required[action] ?? ["chatId"];
      const field = fields[pick % fields.length] ?? "chatId";
      const requestId = nextId();
      // An empty topic or note is a valid one: keep every generated frame invalid.
      // A non-negative integer is a valid afterSeq.
      const validSeq = field === "afterSeq" && Number.isInteger(value) && (value as number) >= 0;
      const validEmpty = value === "" && (field === "topic" || field === "note");
      const wrong = validEmpty || validSeq ? -5 : value;
      const rawValue = typeof wrong === "string" && /^[[{"]/.test(wrong) ? wrong : JSON.stringify(wrong);
      const body = JSON.stringify({ ...valid[action], action, requestId }).slice(0, -1);
      // A text over 4,000 characters is PAYLOAD_TOO_LARGE; some senders are refused before validation.
      const codes = [...BAD_REQUEST, ...REFUSED, "PAYLOAD_TOO_LARGE"];
      return {
        kind: `malformed ${action}.${field}`,
        raw: `${body},"${field}":${rawValue}}`,
        requestId,
        codes,
      };
    });
}

/** Well-formed frames the sender may not send: staff actions by a customer, someone else's chat, and so on. */
function forbiddenAction(targets: Targets): fc.Arbitrary<HostileFrame> {
  const foreign = fc.oneof(
    fc.constantFrom(...targets.foreignChatIds),
    fc.uuid(),
    fc.constantFrom("0", "CHAT#x", "../x"),
  );
  const staff = targets.role !== "customer";
  return fc
    .tuple(fc.constantFrom(...ACTIONS), foreign, fc.string({ maxLength: 30 }))
    .map(([action, chatId, text]) => {
      switch (action) {
        case "startChat":
          return staff
            ? frame("staff starts a chat", { action, topic: text }, [...REFUSED, ...SHED])
            : frame("someone else's card", { action, accountLast4: "0000" }, [...BAD_REQUEST, ...SHED]);
        case "setPresence":
          return staff
            ? frame(
                "no such status",
                { action, status: STATUSES.includes(text) ? "busy" : text },
                BAD_REQUEST,
              )
            : frame("customer sets presence", { action, status: "available" }, REFUSED);
        case "acceptChat":
        case "declineChat":
          return frame(`${action} not offered`, { action, chatId }, REFUSED_OFFER);
        case "sendMessage":
          return frame(
            "message to a foreign chat",
            { action, chatId, clientMessageId: `m-${text}`, text: text || "x" },
            REFUSED,
          );
        case "transferChat":
          return frame("transfer a foreign chat", { action, chatId, note: text }, REFUSED);
        case "escalateChat":
          return frame("escalate a foreign chat", { action, chatId, reason: text || "r" }, REFUSED);
        default:
          return frame(`${action} on a foreign chat`, { action, chatId }, REFUSED);
      }
    });
}

/** `count` hostile frames for one sender, from `seed`: mostly cheap ones, a third touching the table. */
export function hostileFrames(targets: Targets, count: number, seed: number): HostileFrame[] {
  const arbitrary = fc.oneof(
    { arbitrary: notAFrame, weight: 3 },
    { arbitrary: malformedAction(targets), weight: 3 },
    { arbitrary: forbiddenAction(targets), weight: 3 },
  );
  return fc.sample(arbitrary, { numRuns: count, seed });
}
