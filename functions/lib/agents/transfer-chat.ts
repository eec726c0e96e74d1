import type { Caller } from "../chat/caller.ts";
import { BadRequestError, NotFoundError } from "../errors.ts";
import type { HandoffDependencies } from "../handoff/handoff-dependencies.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { findQueue, routeChat } from "../routing/index.ts";
import { requireStaff } from "./staff.ts";

/**
 * The assigned agent hands the chat to another queue (transfer) or to the supervisors (escalation).
 * The handoff workflow does the move atomically and only then tells the customer; this reply only
 * confirms that the workflow started.
 */
export async function transferChat(
  deps: HandoffDependencies,
  caller: Caller,
  frame: ClientFrame<"transferChat"> | ClientFrame<"escalateChat">,
): Promise<ServerFrame<"transferStarted">> {
  const identity = requireStaff(caller);
  const chat = await deps.chats.get(frame.chatId);
  if (!chat || chat.agentId !== identity.sub || chat.state !== "assigned")
    throw new NotFoundError("You are not holding this chat.");
  const escalation = frame.action === "escalateChat";
  const targetQueueId = escalation
    ? deps.routing.supervisorQueueId
    : (frame.queueId ??
      routeChat(deps.routing, {
        country: chat.customer.country,
        language: chat.assistant.language,
        segment: chat.customer.segment,
        topic: chat.assistant.topic,
      }).queueId);
  if (!findQueue(deps.routing, targetQueueId))
    throw new BadRequestError(`There is no queue "${targetQueueId}".`);
  const handoffs = (chat.handoffs ?? 0) + 1;
  await deps.handoff.start(
    {
      chatId: chat.chatId,
      targetQueueId,
      reason: escalation ? "escalation" : "transfer",
      note: escalation ? frame.reason : frame.note,
      fromAgentId: identity.sub,
    },
    handoffs,
  );
  await deps.chats.transact([
    deps.chats.updateItem(chat.chatId, { set: { handoffs }, fromStates: ["assigned", "queued"] }),
  ]);
  return { type: "transferStarted", requestId: frame.requestId, chatId: chat.chatId, queueId: targetQueueId };
}
