import { BadRequestError, NotFoundError } from "../errors.ts";
import type { Caller } from "../kernel/caller.ts";
import type { Needs } from "../kernel/ports.ts";
import { requireStaff } from "../kernel/require-staff.ts";
import { routingRequestOf } from "../kernel/routing-request.ts";
import { maskSensitive } from "../masking/index.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { findQueue } from "../routing/find-queue.ts";
import { routeChat } from "../routing/route-chat.ts";

/**
 * The assigned agent hands the chat to another queue (transfer) or to the supervisors (escalation).
 * The note goes on the chat first (so the workflow's input holds ids only), then the handoff workflow
 * does the move atomically and only then tells the customer; this reply only confirms the start.
 */
export async function transferChat(
  deps: Needs<"chats" | "transactions" | "handoff" | "routing">,
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
    : (frame.queueId ?? routeChat(deps.routing, routingRequestOf(chat)).queueId);
  if (!findQueue(deps.routing, targetQueueId))
    throw new BadRequestError(`There is no queue "${targetQueueId}".`);
  const handoffs = (chat.handoffs ?? 0) + 1;
  const note = escalation ? frame.reason : frame.note;
  const counted = await deps.transactions.commit([
    deps.chats.updateItem(chat.chatId, {
      set: [
        ["handoffs", handoffs],
        // Masked like a message: the note is stored and shown to the next agent in the offer.
        ["handoffNote", maskSensitive(note ?? "").text],
      ],
      fromStates: ["assigned"],
      expectAgent: identity.sub,
    }),
  ]);
  if (!counted) throw new NotFoundError("You are not holding this chat.");
  await deps.handoff.start(
    {
      chatId: chat.chatId,
      targetQueueId,
      reason: escalation ? "escalation" : "transfer",
      fromAgentId: identity.sub,
    },
    handoffs,
  );
  return { type: "transferStarted", requestId: frame.requestId, chatId: chat.chatId, queueId: targetQueueId };
}
