import type { Identity } from "../auth/identity.ts";
import type { CaseRecord } from "../data/case-records.ts";
import type { ChatRecord } from "../data/records.ts";
import { NotFoundError } from "../errors.ts";
import type { Needs } from "../kernel/ports.ts";

/** One answer for "no such case" and "not yours": case numbers cannot be probed. */
export const NO_SUCH_CASE = "No such case.";

/**
 * Who may read a case. A customer: only their own (the case's customer, or for a case stored before
 * cases named one, its chat's customer). Staff: cases of chats they took part in, or whose queue
 * their token grants (`"*"` grants every queue).
 */
export function mayReadCase(record: CaseRecord, chat: ChatRecord | undefined, identity: Identity): boolean {
  if (identity.role === "customer") return (record.customerId ?? chat?.customer.id) === identity.sub;
  if (!chat) return false;
  if (Object.hasOwn(chat.participants, identity.sub)) return true;
  const queueId = chat.lastQueueId ?? chat.queue?.queueId;
  return identity.queues.includes("*") || (queueId !== undefined && identity.queues.includes(queueId));
}

/** The case and its chat, if the caller may read it; NOT_FOUND otherwise, the same as for no case. */
export async function readableCase(
  deps: Needs<"cases" | "chats">,
  caseNumber: string,
  identity: Identity,
): Promise<{ record: CaseRecord; chat: ChatRecord | undefined }> {
  const record = await deps.cases.get(caseNumber);
  if (!record) throw new NotFoundError(NO_SUCH_CASE);
  // A customer's own case needs no chat read, unless the case predates `customerId`.
  const chat =
    identity.role === "customer" && record.customerId !== undefined
      ? undefined
      : await deps.chats.get(record.chatId);
  if (!mayReadCase(record, chat, identity)) throw new NotFoundError(NO_SUCH_CASE);
  return { record, chat };
}
