import type { QueueEntry } from "../data/agent-records.ts";
import type { Needs } from "../kernel/ports.ts";
import { languageFromLocale } from "../language/languages.ts";
import { queueWordingFor } from "../language/queue-wording.ts";

/**
 * Tells the waiting customer that their chat was just offered to an agent, so one is about to join. A
 * frame, not a chat message: an offer can lapse and be made again, and a line in the transcript for each
 * would say something that did not happen. `agentJoined` (and the "… joined the chat" message) follows
 * the accept. Best effort: a customer who is not connected simply does not hear it.
 */
export async function tellAgentJoining(deps: Needs<"sender">, entry: QueueEntry): Promise<void> {
  await deps.sender.sendToUser(entry.customerId, [
    {
      type: "agentJoining",
      chatId: entry.chatId,
      queueId: entry.queueId,
      text: queueWordingFor(languageFromLocale(entry.language)).agentJoining,
    },
  ]);
}
