import { setTimeout as sleep } from "node:timers/promises";
import type { Ledger } from "./accounting.ts";
import type { AgentPool } from "./agent-pool.ts";
import { errorCode, openParty, type Party, sendOne, until } from "./parties.ts";

export interface ConversationContext {
  readonly runtime: { httpUrl: string; wsUrl: string };
  readonly ledger: Ledger;
  readonly agents: AgentPool;
  /** No new message is started after this (performance.now() time); the chat is then ended. */
  readonly deadline: number;
  /** A person's pause between two messages, ms (jittered ±25 %). */
  readonly paceMs: number;
  /** Ack delays of a burst, when this conversation runs one. */
  readonly burst?: number[];
}

const BURST = 20;
const CUSTOMER_IN_BURST = 14;
const ROUNDS = 3;

/** A person's pace: the pause, give or take a quarter. */
const pause = (paceMs: number) => sleep(paceMs * (0.75 + Math.random() / 2));

/**
 * One whole chat at a person's pace: the customer starts it, asks the assistant twice, asks for an
 * agent; an agent of the pool accepts; customer and agent write to each other (both sides at once);
 * the customer ends the chat. A conversation with `burst` sends 20 messages at once right after the
 * agent joined (14 from the customer, 6 from the agent). Every send goes into the ledger.
 */
export async function runConversation(context: ConversationContext, id: string): Promise<void> {
  const { ledger, paceMs } = context;
  let customer: Party;
  try {
    customer = await openParty(
      context.runtime,
      {
        sub: id,
        role: "customer",
        name: "Load Customer",
        country: "US",
        locale: "en-US",
        segment: "consumer",
      },
      ledger,
    );
  } catch {
    ledger.requestFailed("connect", "CONNECT_FAILED");
    return;
  }
  const open = () => performance.now() < context.deadline;
  try {
    let chatId: string;
    try {
      chatId = (await customer.client.startChat()).chatId;
    } catch (error) {
      ledger.requestFailed("startChat", errorCode(error));
      return;
    }
    ledger.member(customer.name, chatId, 1);
    const texts = ["When is my payment due?", "And what is my minimum payment?"];
    for (const [index, text] of texts.entries()) {
      await pause(paceMs);
      await sendOne(customer, chatId, `${id}-va-${index}`, text, ledger);
    }
    const assigned = context.agents.assigned(chatId, 30_000);
    try {
      await customer.client.requestAgent(chatId);
    } catch (error) {
      ledger.requestFailed("requestAgent", errorCode(error));
    }
    const agent = await assigned;
    if (!agent) ledger.requestFailed("handoff", "NOT_ASSIGNED");
    else {
      if (context.burst) await burst(context, customer, agent, chatId, id);
      const side = async (party: Party, who: string) => {
        for (let round = 0; round < ROUNDS && open(); round += 1) {
          await pause(paceMs);
          await sendOne(party, chatId, `${id}-${who}-${round}`, `${who} message ${round}`, ledger);
        }
      };
      await Promise.all([side(customer, "customer"), side(agent, "agent")]);
    }
    try {
      await customer.client.endChat(chatId);
    } catch (error) {
      ledger.requestFailed("endChat", errorCode(error));
    }
    // The customer stays until every acknowledged message of the chat reached it.
    await until(() => ledger.settledFor(customer.name, chatId), 10_000);
  } finally {
    await customer.client.close();
  }
}

async function burst(
  context: ConversationContext,
  customer: Party,
  agent: Party,
  chatId: string,
  id: string,
) {
  const delays = await Promise.all(
    Array.from({ length: BURST }, (_, index) =>
      sendOne(
        index < CUSTOMER_IN_BURST ? customer : agent,
        chatId,
        `${id}-burst-${index}`,
        `burst ${index}`,
        context.ledger,
      ),
    ),
  );
  for (const delay of delays) if (delay !== undefined) context.burst?.push(delay);
}
