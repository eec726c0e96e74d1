import type { QueueEntry } from "../data/agent-records.ts";
import { postChatMessage } from "../kernel/post-chat-message.ts";
import { queueWordingFor } from "../language/queue-wording.ts";
import { logger } from "../logger.ts";
import { contactNumberFor } from "../routing/contact-numbers.ts";
import { queueTimers, secondsToLimit } from "./queue-timers.ts";
import { overflow, type WaitPorts, type WaitRef } from "./wait-tasks.ts";

/**
 * The fraud reminder lives in the handoff workflow's own wait: a fraud chat's entry carries `remindAt`
 * (routing `fraudReminderSeconds` after it was queued, default 120 s), and while it is pending the wait
 * for an offer times out at whichever comes first, the reminder or the queue's limit. The timeout's step
 * (the ASL's `Overflow`) lands here: it sends a reminder that is due, and overflows only when the queue's
 * limit has passed too; otherwise the workflow waits again. So the reminder comes on time (no ticker
 * granularity), needs no state of its own in the workflow, and goes out once per chat: `remindAt` is
 * cleared in the same transaction that marks the chat `fraudRemindedAt`, and enqueue sets no `remindAt`
 * on a chat already reminded.
 */
export async function remindOrOverflow(deps: WaitPorts, ref: WaitRef): ReturnType<typeof overflow> {
  const entry = await deps.queues.get(ref.queueId, ref.sk);
  if (!entry) return overflow(deps, ref);
  let remindAt = entry.remindAt;
  if (remindAt !== undefined && Date.parse(remindAt) <= Date.now()) {
    await remindToCall(deps, entry);
    remindAt = undefined;
  }
  // Woken early for the reminder (or a retry after it): keep waiting for an agent until the limit.
  if (entry.state === "waiting" && secondsToLimit(deps, ref.queueId, entry.queuedAt) > 1)
    return { status: "waiting", ...ref, ...queueTimers(deps, ref.queueId, entry.queuedAt, remindAt) };
  return overflow(deps, ref);
}

/** Tells the waiting customer to call their country's number now; false when it was already done. */
export async function remindToCall(deps: WaitPorts, entry: QueueEntry): Promise<boolean> {
  const chat = await deps.chats.get(entry.chatId);
  if (chat?.state !== "queued") return false;
  const sent = await deps.transactions.commit([
    deps.queues.reminderSentItem(entry),
    deps.chats.updateItem(chat.chatId, {
      set: [["fraudRemindedAt", new Date().toISOString()]],
      fromStates: ["queued"],
    }),
  ]);
  if (!sent) return false;
  const language = chat.assistant.language;
  const phone = contactNumberFor(deps.routing, chat.customer.country, language);
  await postChatMessage(deps, chat.chatId, queueWordingFor(language).fraudReminder(phone));
  logger.info("Fraud reminder sent", { chatId: chat.chatId, queueId: entry.queueId });
  return true;
}
