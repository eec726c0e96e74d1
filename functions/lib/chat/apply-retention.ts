import { CASE_SK, casePk, chatPk } from "../data/keys.ts";
import type { ExpiryChange } from "../data/partition-store.ts";
import { chatExpiries, chatItemExpiry } from "../data/retention.ts";
import { NotFoundError } from "../errors.ts";
import type { Needs } from "../kernel/ports.ts";

/**
 * The closure step that hands an ended chat to DynamoDB TTL: every item of the chat's partition (its
 * record, which is also the customer's gsi1 entry, messages, idempotency keys, subscriptions) and its
 * `CASE#` item get an `expiresAt` counted from `endedAt` by the configured periods. The times depend on
 * `endedAt` alone, so a retried or repeated run computes the same values and writes only what differs.
 */
export async function applyRetention(
  deps: Needs<"chats" | "partitions" | "retention">,
  { chatId }: { readonly chatId: string },
) {
  const chat = await deps.chats.get(chatId);
  if (!chat?.caseNumber || chat.state !== "ended" || !chat.endedAt)
    throw new NotFoundError(`Chat ${chatId} has not ended yet.`);
  const times = chatExpiries(deps.retention, chat.endedAt);
  const changes: ExpiryChange[] = [];
  for (const item of await deps.partitions.keys(chatPk(chatId))) {
    const expiresAt = chatItemExpiry(item.sk, item.expiresAt, times);
    if (expiresAt !== undefined) changes.push({ pk: item.pk, sk: item.sk, expiresAt });
  }
  const caseKey = { pk: casePk(chat.caseNumber), sk: CASE_SK };
  const [caseItem] = (await deps.partitions.keys(caseKey.pk)).filter((item) => item.sk === CASE_SK);
  if (caseItem && caseItem.expiresAt !== times.case) changes.push({ ...caseKey, expiresAt: times.case });
  const updated = await deps.partitions.expire(changes);
  return { transcriptExpiresAt: times.transcript, caseExpiresAt: times.case, updated };
}
