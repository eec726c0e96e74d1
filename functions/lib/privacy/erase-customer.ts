import type { CustomerChat } from "../data/customer-store.ts";
import {
  CASE_SK,
  CHAT_META_SK,
  CLIENT_MESSAGE_PREFIX,
  casePk,
  chatPk,
  MESSAGE_PREFIX,
  RATE_PREFIX,
  SUBSCRIPTIONS_FROM,
} from "../data/keys.ts";
import type { StoredKey } from "../data/partition-store.ts";
import type { Needs } from "../kernel/ports.ts";
import type { ErasedCounts, ErasureReport, RefusedChat } from "./erasure-report.ts";

export type ErasurePorts = Needs<"customers" | "partitions">;

/** A chat that keeps changing under the erasure (a customer typing to the assistant) is tried this often. */
const ATTEMPTS = 5;

type Counts = { -readonly [K in keyof ErasedCounts]: number };

/**
 * Why a chat cannot be erased now; undefined when nothing but its own items refers to it. A chat with
 * the assistant holds no queue entry, agent slot or closure, so it is erased as it is; one in a queue,
 * with an agent or closing is refused: ending it first gives the agent's slot back and ends its
 * workflows, which erasing it under them would not.
 */
export function refusalOf(chat: Pick<CustomerChat, "state" | "agentId">): string | undefined {
  switch (chat.state) {
    case "assistant":
      return undefined;
    case "ended":
      return chat.agentId ? "its closure has not given the agent's slot back yet" : undefined;
    case "queued":
      return "it is waiting for an agent; end it first";
    case "assigned":
      return "an agent holds it; end it first";
    case "closing":
      return "its closure is still running";
  }
}

/**
 * Removes one customer's chats: every item of each chat's partition (record, messages, idempotency keys,
 * subscriptions) and its `CASE#` item, found through the customer's gsi1 entries. The chat record goes
 * last and only if the chat did not change meanwhile, so a run that stops half-way is simply run again.
 * Returns counts and ids only: nothing the customer wrote leaves this function.
 */
export async function eraseCustomer(deps: ErasurePorts, customerId: string): Promise<ErasureReport> {
  const chats = await deps.customers.chats(customerId);
  const refused = refusals(chats);
  const counts: Counts = {
    chats: 0,
    messages: 0,
    idempotencyKeys: 0,
    subscriptions: 0,
    cases: 0,
    rateLimits: 0,
    other: 0,
  };
  if (refused.length > 0) return { customerId, erased: false, chatIds: [], counts, refused };
  const erased: string[] = [];
  for (const chat of chats) {
    const outcome = await eraseChat(deps, chat.chatId, counts);
    if (outcome) refused.push(outcome);
    else erased.push(chat.chatId);
  }
  return { customerId, erased: refused.length === 0, chatIds: erased, counts, refused };
}

function refusals(chats: readonly CustomerChat[]): RefusedChat[] {
  return chats.flatMap((chat) => {
    const reason = refusalOf(chat);
    return reason ? [{ chatId: chat.chatId, state: chat.state, reason }] : [];
  });
}

/** Erases one chat, adding to `counts`; returns the refusal if the chat became active meanwhile. */
async function eraseChat(
  deps: ErasurePorts,
  chatId: string,
  counts: Counts,
): Promise<RefusedChat | undefined> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    // Strongly consistent: gsi1 may be a step behind the chat.
    const chat = await deps.customers.chat(chatId);
    if (!chat) return undefined;
    const [refused] = refusals([chat]);
    if (refused) return refused;
    await removeCounted(deps, await chatItems(deps, chatId), counts);
    for (const caseNumber of [chat.caseNumber, ...(chat.complaintCases ?? [])].filter(Boolean) as string[]) {
      const caseItems = await deps.partitions.keys(casePk(caseNumber));
      await removeCounted(
        deps,
        caseItems.filter((item) => item.sk === CASE_SK),
        counts,
      );
    }
    if (await deps.customers.removeChat(chat)) {
      counts.chats += 1;
      // A subscription written while the chat was being erased (a reconnecting client) goes too.
      await removeCounted(deps, await chatItems(deps, chatId), counts);
      return undefined;
    }
  }
  throw new Error(`Chat ${chatId} kept changing during erasure; run the erasure again.`);
}

async function chatItems(deps: ErasurePorts, chatId: string): Promise<StoredKey[]> {
  return (await deps.partitions.keys(chatPk(chatId))).filter((item) => item.sk !== CHAT_META_SK);
}

async function removeCounted(deps: ErasurePorts, items: readonly StoredKey[], counts: Counts) {
  if (items.length === 0) return;
  await deps.partitions.remove(items);
  for (const { pk, sk } of items) counts[kindOf(pk, sk)] += 1;
}

function kindOf(pk: string, sk: string): keyof ErasedCounts {
  if (sk === CASE_SK && pk.startsWith(casePk(""))) return "cases";
  if (sk.startsWith(MESSAGE_PREFIX)) return "messages";
  if (sk.startsWith(CLIENT_MESSAGE_PREFIX)) return "idempotencyKeys";
  if (sk.startsWith(SUBSCRIPTIONS_FROM)) return "subscriptions";
  if (sk.startsWith(RATE_PREFIX)) return "rateLimits";
  return "other";
}
