import type { Needs } from "../kernel/ports.ts";
import { metrics } from "../metrics.ts";

/**
 * Starts the handoff workflow for a chat the assistant holds. The chat's handoff counter moves first,
 * under a condition on its state, so two requests racing start one workflow; the execution is named by
 * that counter, so a retried start cannot start a second one.
 */
export async function startHandoff(
  deps: Needs<"chats" | "transactions" | "handoff">,
  chatId: string,
  previous: number,
  requestId?: string,
): Promise<void> {
  const handoffs = previous + 1;
  const counted = await deps.transactions.commit([
    deps.chats.updateItem(chatId, { set: [["handoffs", handoffs]], fromStates: ["assistant"] }),
  ]);
  if (!counted) return;
  await deps.handoff.start({ chatId, requestId, reason: "request" }, handoffs);
  metrics.addMetric("HandoffsStarted", "Count", 1);
}
