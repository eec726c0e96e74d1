import type { AssistantReply } from "../assistant/types.ts";
import { queueWordingFor } from "../language/queue-wording.ts";
import { wordingFor } from "../language/wording/index.ts";

/**
 * What a reply of the virtual assistant means for the handoff routing: a customer travelling who needs
 * funds now (`urgentTravel`) has asked, in effect, for the travel desk, so a later handoff is routed there
 * (for their country and language) even if the conversation moves on; a team asked for by name
 * (`requestedTeam`) already sits in the state. Enqueue reads `assistant.requestedTeam` and clears it.
 */
export function withHandoffHints(reply: AssistantReply): AssistantReply {
  if (reply.urgentTravel !== true || reply.state.requestedTeam !== undefined) return reply;
  return { ...reply, state: { ...reply.state, requestedTeam: "travel" } };
}

/**
 * While the chat waits in a queue the assistant keeps answering (FAQ answers, details for the agent),
 * but it starts no second handoff and offers no agent: the lines that connect or offer one give way to
 * "you're already in the queue". The chat keeps its place; the state keeps what the assistant learned.
 */
export function whileQueued(reply: AssistantReply): AssistantReply {
  const language = reply.state.language;
  const { assistant, teams } = wordingFor(language);
  const handoffLines = new Set([
    assistant.offerAgent,
    assistant.connecting,
    ...Object.values(teams).map((team) => assistant.connectingTo(team)),
  ]);
  const kept = reply.messages.filter((message) => !handoffLines.has(message));
  const messages =
    reply.wantsAgent || kept.length === 0 ? [...kept, queueWordingFor(language).stillQueued] : kept;
  return { ...reply, messages, wantsAgent: false, state: { ...reply.state, agentOffered: false } };
}
