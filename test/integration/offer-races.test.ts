import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Frame } from "./support/chat-client.ts";
import { available, connectAgent, customerChat, offerFor } from "./support/handoff-stack.ts";
import type { LocalProcess } from "./support/local-process.ts";
import { startTimedStack, until } from "./support/reconciler-stack.ts";
import { getItem } from "./support/table-writes.ts";

/**
 * An agent's accept racing the offer's timeout (5 s in the test routing), on the running stack: the
 * local task tokens time out as AWS's do (TaskTimedOut), the offer goes to the next agent, and the
 * late accept is told the chat was reassigned. Over many races with seeded random accept times
 * either side of the timeout: exactly one agent ever holds the chat, the loser gets a CONFLICT error
 * frame, and neither agent's slot count drifts.
 */
let stack: LocalProcess;
const SEED = 20261201;
const ROUNDS = 4;
const LANES = [
  { queue: "us-consumer-en", claims: { country: "US" } },
  { queue: "us-smallbiz-en", claims: { segment: "small-business" } },
  { queue: "gb-consumer-en", claims: { country: "GB" } },
] as const;

beforeAll(async () => {
  stack = await startTimedStack({ CARECHAT_RECONCILE_MS: "0", IDLE_CHAT_SECONDS: "0" });
}, 90_000);

afterAll(async () => {
  await stack?.stop();
});

/** mulberry32: a small seeded generator, so a failing race can be replayed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const agentItem = (agentId: string) => getItem(stack, { pk: `AGENT#${agentId}`, sk: "AGENT" });
const chatItem = (chatId: string) => getItem(stack, { pk: `CHAT#${chatId}`, sk: "META" });
type Agent = Awaited<ReturnType<typeof connectAgent>>;

/** An agent of one queue with one slot; a connection that did not open in time (a busy machine) is tried again. */
async function staff(queue: string, tries = 3): Promise<Agent> {
  try {
    return await connectAgent(stack, { queues: [queue], maxChats: 1 });
  } catch (error) {
    if (tries <= 1) throw error;
    return staff(queue, tries - 1);
  }
}

/** One race: whoever is offered the chat first answers after `delayMs`; the other takes any offer at once. */
async function race(pair: readonly [Agent, Agent], claims: Record<string, unknown>, delayMs: number) {
  const customer = await customerChat(stack, claims);
  await customer.client.request({ action: "requestAgent", chatId: customer.chatId }, "queued", 30_000);
  const isOffer = offerFor(customer.chatId);
  // One wait per agent: a frame taken by a wait is not seen by another.
  const offers = pair.map((agent) => agent.client.next(isOffer, 60_000).then(() => agent));
  const racer = await Promise.race(offers);
  const backupIndex = pair[0] === racer ? 1 : 0;
  const backup = pair[backupIndex] as Agent;
  // The backup accepts the re-offer as soon as it comes (it only comes if the racer's offer expired).
  const backupAnswer = (offers[backupIndex] as Promise<Agent>)
    .then(() =>
      backup.client.request({ action: "acceptChat", chatId: customer.chatId }, "chatAssigned", 20_000),
    )
    .catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  const answer = await racer.client.request(
    { action: "acceptChat", chatId: customer.chatId },
    "chatAssigned",
    20_000,
  );
  const won = answer.type === "chatAssigned";
  const holder = won ? racer : backup;
  const chat = await until(
    () => chatItem(customer.chatId),
    (item) => item?.state === "assigned",
    "the chat to be assigned to one agent",
    40_000,
  );
  const [racerSlots, backupSlots] = await Promise.all([
    until(
      () => agentItem(racer.id),
      (item) => item?.activeChats === (won ? 1 : 0),
      "the racer's slots",
    ),
    until(
      () => agentItem(backup.id),
      (item) => item?.activeChats === (won ? 0 : 1),
      "the backup's slots",
    ),
  ]);
  const backupReply = won ? undefined : await backupAnswer;
  await customer.client.request({ action: "endChat", chatId: customer.chatId }, "chatEnding");
  await Promise.all(
    pair.map((agent) =>
      until(
        () => agentItem(agent.id),
        (item) => item?.activeChats === 0,
        "slots back after the end",
      ),
    ),
  );
  return { answer, won, chat, holder, racerSlots, backupSlots, backupReply, racer };
}

describe("an accept racing the offer timeout", () => {
  it("is either the winner or told the chat was reassigned: never two holders, never a leaked slot", async () => {
    // Prepare
    const random = seeded(SEED);
    const pairs: (readonly [Agent, Agent])[] = [];
    for (const { queue } of LANES) {
      const pair = [await staff(queue), await staff(queue)] as const;
      for (const agent of pair) await available(agent.client);
      pairs.push(pair);
    }
    const outcomes: { won: boolean; delayMs: number }[] = [];

    // Act + Assess, race after race
    for (let round = 0; round < ROUNDS; round += 1) {
      const delays = LANES.map(() => 3_800 + Math.round(random() * 2_400));
      const results = await Promise.all(
        LANES.map((lane, index) =>
          race(pairs[index] as readonly [Agent, Agent], lane.claims, delays[index] ?? 0),
        ),
      );
      results.forEach((result, index) => {
        outcomes.push({ won: result.won, delayMs: delays[index] ?? 0 });
        expect(result.chat?.agentId).toBe(result.holder.id);
        if (result.won) expect(result.answer).toMatchObject({ type: "chatAssigned" });
        else {
          expect(result.answer).toMatchObject({ type: "error", code: "CONFLICT" });
          expect(String(result.answer.message)).toContain("offered again");
          expect(result.backupReply).toMatchObject({ type: "chatAssigned" });
          const withdrawn = result.racer.client.frames.some(
            (frame: Frame) => frame.type === "offerWithdrawn" && frame.chatId === result.chat?.chatId,
          );
          expect(withdrawn).toBe(true);
        }
      });
    }
    console.info("offer races (accept delay ms, won):", JSON.stringify(outcomes));
    expect(outcomes).toHaveLength(ROUNDS * LANES.length);
  }, 600_000);
});
