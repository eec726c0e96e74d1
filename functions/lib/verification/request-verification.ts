import type { StaffIdentity } from "../auth/identity.ts";
import type { ChatRecord } from "../data/records.ts";
import { NotFoundError } from "../errors.ts";
import type { Caller } from "../kernel/caller.ts";
import type { Needs } from "../kernel/ports.ts";
import { requireStaff } from "../kernel/require-staff.ts";
import { newUnmaskedId } from "../masking/index.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";

export const VERIFICATION_FIELDS = ["last4", "postalCode"] as const;

/** The chat, if `identity` is the agent holding it; anyone else learns nothing about it. */
export async function heldChat(
  deps: Needs<"chats">,
  identity: StaffIdentity,
  chatId: string,
): Promise<ChatRecord> {
  const chat = await deps.chats.get(chatId);
  if (!chat || chat.agentId !== identity.sub || chat.state !== "assigned")
    throw new NotFoundError("You are not holding this chat.");
  return chat;
}

/**
 * The agent holding the chat asks the customer to verify: a request item is stored (who asked, when,
 * open) and the customer's connections get `verificationRequested`; the agent gets it as the reply.
 */
export async function requestVerification(
  deps: Needs<"chats" | "verifications" | "sender">,
  caller: Caller,
  frame: ClientFrame<"requestVerification">,
): Promise<ServerFrame<"verificationRequested">> {
  const identity = requireStaff(caller);
  const chat = await heldChat(deps, identity, frame.chatId);
  const verificationId = newUnmaskedId();
  await deps.verifications.createRequest({
    chatId: chat.chatId,
    verificationId,
    requestedBy: identity.sub,
    requestedAt: new Date().toISOString(),
    state: "open",
  });
  const asked: ServerFrame<"verificationRequested"> = {
    type: "verificationRequested",
    chatId: chat.chatId,
    verificationId,
    fields: [...VERIFICATION_FIELDS],
  };
  const { subscriptions } = await deps.chats.loadWithSubscribers(chat.chatId);
  await deps.sender.broadcast(
    subscriptions.filter((subscription) => subscription.role === "customer"),
    [asked],
    { chatId: chat.chatId },
  );
  return { ...asked, requestId: frame.requestId };
}
