import type { ChatRecord } from "../data/records.ts";
import type { Caller } from "../kernel/caller.ts";
import { requireActive, requireParticipant } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import { requireStaff } from "../kernel/require-staff.ts";
import { sameLanguage } from "../language/languages.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { type CannedPlaceholder, fillPlaceholders } from "../routing/canned-responses.ts";
import type { RoutingConfig } from "../routing/routing-schema.ts";

type Responses = ServerFrame<"cannedResponses">["responses"];

/**
 * The canned responses a staff participant may insert into this chat: those of the queue they serve it
 * from (an invitee's queue, else the queue the holder took it from, plus the `"*"` ones) in the chat's
 * language, with placeholders filled for this chat. A response naming a value the chat does not have
 * yet (no case number before one is given) is left out rather than sent with a hole in it.
 */
export async function listCannedResponses(
  deps: Needs<"chats" | "routing">,
  caller: Caller,
  frame: ClientFrame<"listCannedResponses">,
): Promise<ServerFrame<"cannedResponses">> {
  const identity = requireStaff(caller);
  const chat = await deps.chats.get(frame.chatId);
  requireParticipant(chat, caller);
  requireActive(chat);
  const seat = chat.participants[identity.sub]?.conference;
  const queueId = seat?.queueId ?? chat.lastQueueId;
  return {
    type: "cannedResponses",
    requestId: frame.requestId,
    chatId: chat.chatId,
    responses: cannedResponsesFor(deps.routing, chat, queueId, placeholderValues(chat, identity.name)),
  };
}

export function cannedResponsesFor(
  routing: RoutingConfig,
  chat: ChatRecord,
  queueId: string | undefined,
  values: Partial<Record<CannedPlaceholder, string>>,
): Responses {
  const responses: Responses = [];
  for (const response of routing.cannedResponses) {
    if (!sameLanguage(response.language, chat.assistant.language)) continue;
    if (response.queues !== "*" && (!queueId || !response.queues.includes(queueId))) continue;
    const title = fillPlaceholders(response.title, values);
    const text = fillPlaceholders(response.text, values);
    if (title !== undefined && text !== undefined) responses.push({ id: response.id, title, text });
  }
  return responses;
}

/** The customer's first name is the first word of their token's `name`. */
export function placeholderValues(
  chat: ChatRecord,
  agentName: string,
): Partial<Record<CannedPlaceholder, string>> {
  const firstName = chat.customer.name.trim().split(/\s+/)[0];
  return {
    "customer.firstName": firstName || undefined,
    caseNumber: chat.caseNumber,
    "agent.name": agentName,
  };
}
