import type { StaffIdentity } from "../auth/identity.ts";
import type { WrapUpRecord } from "../data/case-records.ts";
import type { ChatRecord } from "../data/records.ts";
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from "../errors.ts";
import type { Caller } from "../kernel/caller.ts";
import { participantOf, requireParticipant } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import { publishEvents } from "../kernel/publish-events.ts";
import { requireStaff } from "../kernel/require-staff.ts";
import { maskFreeText } from "../masking/index.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { chatWrappedUpEvent } from "./case-events.ts";
import { wrapUpCodesFor } from "./wrap-up-codes.ts";

/** How long after the end of a chat its wrap-up may still be given. */
export const WRAP_UP_WINDOW_MS = 30 * 60 * 1000;

export type WrapUpPorts = Needs<"chats" | "cases" | "events" | "routing">;

/**
 * Checks a wrap-up before anything is written: the caller is a staff member of the chat and the code
 * is one of the codes of the queue the chat was taken from.
 */
export function checkWrapUp(
  deps: Pick<WrapUpPorts, "routing">,
  chat: ChatRecord,
  staff: StaffIdentity,
  code: string,
) {
  const participant = participantOf(chat, { identity: staff, connectionId: "" });
  if (!participant || participant.role === "customer")
    throw new ForbiddenError("Only staff who took part in the chat can wrap it up.");
  const codes = wrapUpCodesFor(deps.routing, chat.lastQueueId);
  if (!codes.includes(code))
    throw new BadRequestError(
      `Unknown wrap-up code "${code.slice(0, 40)}"; this queue's codes: ${codes.join(", ")}.`,
    );
}

/**
 * Stores the wrap-up with the chat's case, once, counting its code in the queue's outcomes in the same
 * transaction, then publishes it. A second wrap-up is CONFLICT.
 */
export async function recordWrapUp(
  deps: WrapUpPorts,
  chat: ChatRecord,
  staff: StaffIdentity,
  given: { code: string; note?: string },
): Promise<WrapUpRecord & { caseNumber: string }> {
  if (!chat.caseNumber) throw new NotFoundError("No such chat.");
  const wrapUp: WrapUpRecord = {
    code: given.code,
    at: new Date().toISOString(),
    by: { role: staff.role, id: staff.sub, name: staff.name },
    ...(given.note?.trim() ? { note: maskFreeText(given.note, { field: "note" }).text } : {}),
    ...(chat.lastQueueId ? { queueId: chat.lastQueueId } : {}),
  };
  const result = await deps.cases.recordWrapUp(chat.caseNumber, wrapUp);
  if (result === "already") throw new ConflictError("This chat has been wrapped up already.");
  if (result === "missing") throw new NotFoundError("No such chat.");
  const ref = {
    caseNumber: chat.caseNumber,
    chatId: chat.chatId,
    kind: "chat" as const,
    customerId: chat.customer.id,
  };
  await publishEvents(deps, [chatWrappedUpEvent(ref, wrapUp)]);
  return { ...wrapUp, caseNumber: chat.caseNumber };
}

/**
 * `wrapUp` after the end: a staff member who took part gives the code (and a note) within
 * WRAP_UP_WINDOW_MS of the end. Before the end it is CONFLICT: the wrap-up goes with `endChat`.
 */
export async function wrapUpChat(
  deps: WrapUpPorts,
  caller: Caller,
  frame: ClientFrame<"wrapUp">,
): Promise<ServerFrame<"wrappedUp">> {
  const staff = requireStaff(caller);
  const chat = await deps.chats.get(frame.chatId);
  requireParticipant(chat, caller);
  checkWrapUp(deps, chat, staff, frame.code);
  if (chat.state !== "ended" && chat.state !== "closing")
    throw new ConflictError("A chat is wrapped up when it ends: give the code with endChat, or after it.");
  const endedAt = Date.parse(chat.endedAt ?? chat.updatedAt);
  if (Date.now() - endedAt > WRAP_UP_WINDOW_MS)
    throw new ConflictError("The time to wrap up this chat has passed.");
  const stored = await recordWrapUp(deps, chat, staff, frame);
  return {
    type: "wrappedUp",
    requestId: frame.requestId,
    chatId: chat.chatId,
    caseNumber: stored.caseNumber,
    code: stored.code,
  };
}
