import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatClient, Frame } from "./support/chat-client.ts";
import {
  activeChats,
  conferenceOfferFor,
  heldChat,
  startConferenceStack,
} from "./support/conference-stack.ts";
import { available, connectAgent } from "./support/handoff-stack.ts";
import type { LocalProcess } from "./support/local-process.ts";
import { reconcileOnce } from "./support/table-writes.ts";

/**
 * Conference over real sockets, after the invitation: either agent leaves without ending the chat and
 * slots are given back; canned responses are filled per chat; who may invite, leave and list them.
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

describe("leaving", () => {
  it("lets either agent leave without ending the chat, gives slots back, and keeps the last agent in", async () => {
    // Prepare
    const riley = await agent({ queues: ["travel-c"], name: "Riley", maxChats: 1 });
    const { chatId, customer, holder } = await held("NL");
    const invite = async () => {
      const sent = await holder.client.request(
        { action: "inviteToChat", chatId, queueId: "travel-c", reason: "Travel" },
        "inviteSent",
      );
      if (sent.type !== "inviteSent") throw new Error(`inviteToChat failed: ${JSON.stringify(sent)}`);
    };
    await invite();
    await riley.client.next(conferenceOfferFor(chatId), 20_000);
    await riley.client.request({ action: "acceptChat", chatId }, "chatAssigned", 30_000);
    // The reconciler's recount sees the seat: a run now must leave Riley's slot taken.
    const whileSeated = await reconcileOnce(stack);
    const seatedSlots = await activeChats(riley.client);
    const other = await held("BE");
    const full = await other.holder.client.request(
      { action: "inviteToChat", chatId: other.chatId, queueId: "travel-c", reason: "Travel" },
      "inviteSent",
    );

    const inviteByInvitee = await riley.client.request(
      { action: "inviteToChat", chatId, queueId: "travel-a", reason: "More help" },
      "inviteSent",
    );
    const transferByInvitee = await riley.client.request(
      { action: "transferChat", chatId },
      "transferStarted",
    );

    // Act: the invitee leaves, is invited again, then the holder leaves.
    const rileyLeft = await riley.client.request({ action: "leaveChat", chatId }, "leftChat", 30_000);
    const leftAtCustomer = await customer.nextOfType("participantLeft", 30_000);
    const leftNotice = await customer.next(systemMessage(chatId, /Riley has left/), 30_000);
    const rileySlots = await activeChats(riley.client);
    const afterLeaving = await riley.client.request(
      { action: "sendMessage", chatId, clientMessageId: "after-leave", text: "still here?" },
      "ack",
    );
    const holderStill = await holder.client.request(
      { action: "sendMessage", chatId, clientMessageId: "h1", text: "I'm still with you." },
      "ack",
    );
    await invite();
    await riley.client.next((frame) => conferenceOfferFor(chatId)(frame), 20_000);
    await riley.client.request({ action: "acceptChat", chatId }, "chatAssigned", 30_000);
    const holderLeft = await holder.client.request({ action: "leaveChat", chatId }, "leftChat", 30_000);
    const handedOver = await riley.client.nextOfType("holderChanged", 30_000);
    const holderLeftAtCustomer = await customer.next(
      (frame) => frame.type === "participantLeft" && (frame.participant as Frame).id === holder.id,
    );
    const holderSlots = await activeChats(holder.client, "away");
    const afterHandover = await reconcileOnce(stack);
    const handedOverSlots = await activeChats(riley.client);
    const lastOne = await riley.client.request({ action: "leaveChat", chatId }, "leftChat", 30_000);
    const stillTalking = await riley.client.request(
      { action: "sendMessage", chatId, clientMessageId: "r1", text: "I'll finish this for you." },
      "ack",
    );
    await customer.request({ action: "endChat", chatId }, "chatEnding", 30_000);
    await riley.client.nextOfType("chatEnded", 20_000);

    // Assess
    expect(seatedSlots).toBe(1);
    expect(whileSeated.repairs.AgentSlotsRecounted).toBe(0);
    expect(handedOverSlots).toBe(1);
    expect(afterHandover.repairs.AgentSlotsRecounted).toBe(0);
    expect(full).toMatchObject({ type: "error", code: "CONFLICT" });
    expect(inviteByInvitee).toMatchObject({ type: "error", code: "FORBIDDEN" });
    expect(transferByInvitee).toMatchObject({ type: "error", code: "NOT_FOUND" });
    expect(rileyLeft).toMatchObject({ type: "leftChat", chatId });
    expect(leftAtCustomer).toMatchObject({
      chatId,
      participant: { role: "agent", id: riley.id, name: "Riley" },
    });
    expect(leftNotice.text).toBe("Riley has left the chat. Sam Holder is still with you.");
    expect(rileySlots).toBe(0);
    expect(afterLeaving).toMatchObject({ type: "error", code: "NOT_FOUND" });
    expect(holderStill.type).toBe("ack");
    expect(holderLeft.type).toBe("leftChat");
    expect(handedOver).toMatchObject({ chatId, holder: { id: riley.id, name: "Riley" } });
    expect(holderLeftAtCustomer).toMatchObject({ participant: { id: holder.id } });
    expect(holderSlots).toBe(0);
    expect(lastOne).toMatchObject({ type: "error", code: "CONFLICT" });
    expect(stillTalking.type).toBe("ack");
    await expect.poll(() => activeChats(riley.client), { timeout: 10_000 }).toBe(0);
    await available(riley.client, "offline");
    await other.customer.request({ action: "endChat", chatId: other.chatId }, "chatEnding", 30_000);
  }, 120_000);
});

describe("canned responses and who may act", () => {
  it("fills the chat's responses in its language, for its queue; the customer, strangers and invitees may not act as holder", async () => {
    // Prepare
    const english = await held("NL", { name: "Ana Lopez" });
    const spanish = await held("DE", { name: "María José", locale: "es-US" });
    const stranger = await agent({ queues: ["travel-a"], name: "Stranger" });

    // Act
    const en = await english.holder.client.request(
      { action: "listCannedResponses", chatId: english.chatId },
      "cannedResponses",
    );
    const es = await spanish.holder.client.request(
      { action: "listCannedResponses", chatId: spanish.chatId },
      "cannedResponses",
    );
    const byCustomer = await english.customer.request(
      { action: "listCannedResponses", chatId: english.chatId },
      "cannedResponses",
    );
    const byStranger = await stranger.client.request(
      { action: "listCannedResponses", chatId: english.chatId },
      "cannedResponses",
    );
    const inviteByCustomer = await english.customer.request(
      { action: "inviteToChat", chatId: english.chatId, queueId: "travel-a", reason: "x" },
      "inviteSent",
    );
    const inviteByStranger = await stranger.client.request(
      { action: "inviteToChat", chatId: english.chatId, queueId: "travel-a", reason: "x" },
      "inviteSent",
    );
    const leaveByCustomer = await english.customer.request(
      { action: "leaveChat", chatId: english.chatId },
      "leftChat",
    );

    // Assess
    // Every chat has its case number from the start, so the response that needs it is filled too.
    expect(en.responses).toEqual([
      { id: "closing", title: "Closing", text: "Thanks, Ana. This was Sam Holder." },
      {
        id: "case",
        title: "Case",
        text: expect.stringMatching(/^Your case number is CC-\d{6}-[A-Z0-9]{6}\.$/),
      },
      { id: "nl-only", title: "Dutch desk", text: "Only on the NL desk." },
    ]);
    expect(es.responses).toEqual([
      { id: "closing", title: "Cierre", text: "Gracias, María. Le atendió Sam Holder." },
    ]);
    expect(byCustomer).toMatchObject({ type: "error", code: "FORBIDDEN" });
    expect(byStranger).toMatchObject({ type: "error", code: "NOT_FOUND" });
    expect(inviteByCustomer).toMatchObject({ type: "error", code: "FORBIDDEN" });
    expect(inviteByStranger).toMatchObject({ type: "error", code: "NOT_FOUND" });
    expect(leaveByCustomer).toMatchObject({ type: "error", code: "FORBIDDEN" });
    await available(stranger.client, "offline");
    for (const chat of [english, spanish])
      await chat.customer.request({ action: "endChat", chatId: chat.chatId }, "chatEnding", 30_000);
  }, 90_000);
});
