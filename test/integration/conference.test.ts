import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatClient, Frame } from "./support/chat-client.ts";
import {
  activeChats,
  conferenceOfferFor,
  heldChat,
  messageView,
  startConferenceStack,
} from "./support/conference-stack.ts";
import { available, connectAgent } from "./support/handoff-stack.ts";
import type { LocalProcess } from "./support/local-process.ts";

/**
 * Conference and consult over real sockets: the holder invites a queue's agent or a named agent, the
 * invitation is offered like a chat (and moves on when it expires), three parties share one gapless
 * seq, either agent leaves without ending the chat, and canned responses are filled per chat.
 */
let stack: LocalProcess;
const open: ChatClient[] = [];

beforeAll(async () => {
  stack = await startConferenceStack();
}, 120_000);

afterAll(async () => {
  await Promise.all(open.map((client) => client.close()));
  await stack?.stop();
});

async function agent(options: Parameters<typeof connectAgent>[1]) {
  const connected = await connectAgent(stack, options);
  open.push(connected.client);
  await available(connected.client);
  return connected;
}

async function held(country: string, claims: Record<string, unknown> = {}) {
  const chat = await heldChat(stack, country, claims);
  open.push(chat.customer, chat.holder.client);
  return chat;
}

const systemMessage = (chatId: string, pattern: RegExp) => (frame: Frame) =>
  frame.type === "message" &&
  frame.chatId === chatId &&
  (frame.from as { role?: string }).role === "system" &&
  pattern.test(String(frame.text));

const CARD = "4111 1111 1111 1111";

describe("inviting by queue", () => {
  it("offers the chat to an eligible agent of the queue as a conference; on accept all three share one gapless seq", async () => {
    // Prepare
    const spanishOnly = await agent({ queues: ["travel-a"], languages: ["es"] });
    const riley = await agent({ queues: ["travel-a"], languages: ["en"], name: "Riley" });
    const { chatId, customer, holder } = await held("DE", { name: "Ana Lopez" });

    // Act
    const sent = await holder.client.request(
      { action: "inviteToChat", chatId, queueId: "travel-a", reason: `Travel notice for card ${CARD}` },
      "inviteSent",
    );
    const offer = await riley.client.next(conferenceOfferFor(chatId));
    const assigned = await riley.client.request({ action: "acceptChat", chatId }, "chatAssigned", 30_000);
    const ended = await holder.client.nextOfType("inviteEnded", 30_000);
    const joinedAtCustomer = await customer.nextOfType("participantJoined", 30_000);
    const joinedAtHolder = await holder.client.nextOfType("participantJoined", 30_000);
    const notice = await customer.next(systemMessage(chatId, /Riley/), 30_000);
    const said: number[] = [];
    for (const [client, text] of [
      [holder.client, "I've asked our travel team to join."],
      [riley.client, "Hi Ana, I can set up that travel notice."],
      [customer, "Great, thank you both."],
      [riley.client, "Done: your card is ready for the trip."],
    ] as const) {
      const ack = await client.request(
        { action: "sendMessage", chatId, clientMessageId: `m-${said.length}`, text },
        "ack",
      );
      said.push(Number(ack.seq));
    }
    const last = Math.max(...said);
    for (const client of [customer, holder.client, riley.client])
      await client.next((frame) => frame.type === "message" && frame.chatId === chatId && frame.seq === last);
    const transcript = await riley.client.request({ action: "getTranscript", chatId }, "transcript");

    // Assess
    expect(sent).toMatchObject({ type: "inviteSent", chatId, queueId: "travel-a" });
    expect(offer).toMatchObject({ kind: "conference", invitedBy: { id: holder.id, name: "Sam Holder" } });
    expect(String(offer.reason)).toContain("Travel notice");
    expect(String(offer.reason)).not.toContain(CARD);
    expect(assigned).toMatchObject({ type: "chatAssigned", chatId, kind: "conference" });
    expect(ended).toMatchObject({ chatId, inviteId: sent.inviteId, outcome: "accepted" });
    const participant = { role: "agent", id: riley.id, name: "Riley" };
    expect(joinedAtCustomer).toMatchObject({ chatId, participant });
    expect(joinedAtHolder).toMatchObject({ chatId, participant });
    expect(notice.text).toBe(
      "Riley, a specialist from our travel support team, has joined the chat to help with your request.",
    );
    expect(String(notice.text)).not.toContain("Travel notice");
    expect(said).toEqual([said[0], (said[0] ?? 0) + 1, (said[0] ?? 0) + 2, (said[0] ?? 0) + 3]);
    const views = [
      messageView(customer, chatId),
      messageView(holder.client, chatId, (await holderHistory(holder.client, chatId)) as Frame[]),
      messageView(riley.client, chatId, assigned.history as Frame[]),
    ];
    for (const view of views) {
      expect([...view.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
      expect(view).toEqual(views[0]);
    }
    expect((transcript.messages as Frame[]).map((message) => message.seq)).toEqual(
      Array.from({ length: last }, (_, i) => i + 1),
    );
    expect(spanishOnly.client.frames.some(conferenceOfferFor(chatId))).toBe(false);
    expect(await activeChats(riley.client)).toBe(1);
    await customer.request({ action: "endChat", chatId }, "chatEnding", 30_000);
    await riley.client.nextOfType("chatEnded", 20_000);
    await expect.poll(() => activeChats(riley.client), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => activeChats(holder.client, "away"), { timeout: 10_000 }).toBe(0);
    await available(spanishOnly.client, "offline");
    await available(riley.client, "offline");
  }, 90_000);

  it("moves an invitation nobody answers to the next eligible agent of the queue", async () => {
    // Prepare
    const first = await agent({ queues: ["travel-b"], name: "Jo" });
    const second = await agent({ queues: ["travel-b"], name: "Kim" });
    const { chatId, holder } = await held("FR");

    // Act
    await holder.client.request(
      { action: "inviteToChat", chatId, queueId: "travel-b", reason: "Trip" },
      "inviteSent",
    );
    // Frames are looked at, not taken: whichever agent is offered it first, the other must see it next.
    const offered = (candidate: typeof first) => candidate.client.frames.some(conferenceOfferFor(chatId));
    await expect.poll(() => offered(first) || offered(second), { timeout: 20_000 }).toBe(true);
    const firstOffer = offered(first) ? first : second;
    const other = firstOffer === first ? second : first;
    const withdrawn = await firstOffer.client.next(
      (frame) => frame.type === "offerWithdrawn" && frame.chatId === chatId,
      20_000,
    );
    await expect.poll(() => offered(other), { timeout: 20_000 }).toBe(true);
    await other.client.request({ action: "acceptChat", chatId }, "chatAssigned", 30_000);

    // Assess
    expect(withdrawn).toMatchObject({ reason: "expired" });
    expect(firstOffer.client.frames.filter(conferenceOfferFor(chatId))).toHaveLength(1);
    expect(await activeChats(firstOffer.client)).toBe(0);
    expect(await activeChats(other.client)).toBe(1);
    for (const client of [first.client, second.client]) await available(client, "offline");
  }, 90_000);
});

describe("inviting a named agent", () => {
  it("offers it to that agent only; unanswered, it is withdrawn and the inviter hears it was not accepted", async () => {
    // Prepare
    const dana = await agent({ queues: ["travel-d"], name: "Dana" });
    const bystander = await agent({ queues: ["travel-d"], name: "Lee" });
    const { chatId, holder } = await held("IT");

    // Act
    const sent = await holder.client.request(
      { action: "inviteToChat", chatId, agentId: dana.id, reason: "Second opinion" },
      "inviteSent",
    );
    if (sent.type !== "inviteSent") throw new Error(`inviteToChat failed: ${JSON.stringify(sent)}`);
    const offer = await dana.client.next(conferenceOfferFor(chatId), 20_000);
    const slotsWhileOffered = await activeChats(dana.client);
    const withdrawn = await dana.client.next(
      (frame) => frame.type === "offerWithdrawn" && frame.chatId === chatId,
      20_000,
    );
    const ended = await holder.client.next((frame) => frame.type === "inviteEnded", 20_000);
    const again = await holder.client.request(
      { action: "inviteToChat", chatId, agentId: dana.id, reason: "Second opinion, again" },
      "inviteSent",
    );
    await dana.client.next((frame) => conferenceOfferFor(chatId)(frame) && frame !== offer, 20_000);
    const declined = await dana.client.request({ action: "declineChat", chatId }, "offerWithdrawn");
    const endedAgain = await holder.client.next((frame) => frame.type === "inviteEnded", 20_000);

    // Assess
    expect(sent).toMatchObject({ agentId: dana.id });
    expect(offer).toMatchObject({ kind: "conference", reason: "Second opinion" });
    expect(slotsWhileOffered).toBe(1);
    expect(withdrawn).toMatchObject({ reason: "expired" });
    expect(ended).toMatchObject({ chatId, inviteId: sent.inviteId, outcome: "notAccepted" });
    expect(again.type).toBe("inviteSent");
    expect(declined).toMatchObject({ type: "offerWithdrawn", reason: "declined" });
    expect(endedAgain).toMatchObject({ inviteId: again.inviteId, outcome: "notAccepted" });
    expect(await activeChats(dana.client)).toBe(0);
    expect(bystander.client.frames.some(conferenceOfferFor(chatId))).toBe(false);
    for (const client of [dana.client, bystander.client]) await available(client, "offline");
  }, 90_000);
});

async function holderHistory(client: ChatClient, chatId: string) {
  const assigned = client.frames.find((frame) => frame.type === "chatAssigned" && frame.chatId === chatId);
  return (assigned?.history ?? []) as Frame[];
}
