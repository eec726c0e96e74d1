import type { CaseRecord } from "../data/case-records.ts";
import { ChatClosedError, ForbiddenError } from "../errors.ts";
import { afterCommit } from "../kernel/after-commit.ts";
import type { Caller } from "../kernel/caller.ts";
import { requireParticipant } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import { postChatMessage } from "../kernel/post-chat-message.ts";
import { publishEvents } from "../kernel/publish-events.ts";
import { requireStaff } from "../kernel/require-staff.ts";
import { caseWordingFor } from "../language/case-wording.ts";
import { maskFreeText } from "../masking/index.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { caseCreatedEvent, complaintLoggedEvent } from "./case-events.ts";
import { newCaseNumber } from "./case-number.ts";

const CASE_NUMBER_DRAWS = 5;

/**
 * The agent holding a chat logs a complaint: a case of its own (kind `complaint`, status `open`) with
 * the complaint's masked text, linked to the chat and owned by the chat's customer. The customer is
 * told its number in the chat, in their language, and can look it up later from any chat.
 */
export async function logComplaint(
  deps: Needs<"chats" | "cases" | "sender" | "events">,
  caller: Caller,
  frame: ClientFrame<"logComplaint">,
): Promise<ServerFrame<"complaintLogged">> {
  const staff = requireStaff(caller);
  const chat = await deps.chats.get(frame.chatId);
  requireParticipant(chat, caller);
  if (chat.state === "closing" || chat.state === "ended") throw new ChatClosedError();
  if (chat.state !== "assigned" || chat.agentId !== staff.sub)
    throw new ForbiddenError("Only the agent holding the chat can log a complaint in it.");
  const at = new Date().toISOString();
  const by = { role: staff.role, id: staff.sub, name: staff.name };
  let record: CaseRecord | undefined;
  for (let draw = 0; draw < CASE_NUMBER_DRAWS && !record; draw += 1) {
    const candidate: CaseRecord = {
      caseNumber: newCaseNumber(new Date(at)),
      chatId: chat.chatId,
      kind: "complaint",
      status: "open",
      customerId: chat.customer.id,
      createdAt: at,
      updatedAt: at,
      history: [{ status: "open", at, by }],
      text: maskFreeText(frame.text, { field: "text" }).text,
    };
    if (await deps.cases.create(candidate)) record = candidate;
  }
  if (!record) throw new Error("Could not draw a free case number.");
  const logged = record;
  // Committed: the notice is replayed by resume if its delivery fails, and the reply is success.
  await afterCommit("complaintNotice", () =>
    postChatMessage(
      deps,
      chat.chatId,
      caseWordingFor(chat.assistant.language).complaintLogged(logged.caseNumber),
    ),
  );
  await publishEvents(deps, [caseCreatedEvent(logged), complaintLoggedEvent(logged, by, chat.caseNumber)]);
  return {
    type: "complaintLogged",
    requestId: frame.requestId,
    chatId: chat.chatId,
    caseNumber: logged.caseNumber,
  };
}
