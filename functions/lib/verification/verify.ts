import type { CustomerIdentity } from "../auth/identity.ts";
import type { ChatRecord } from "../data/records.ts";
import { RETRY, retryOnConflict } from "../data/retry-on-conflict.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors.ts";
import { afterCommit } from "../kernel/after-commit.ts";
import type { Caller } from "../kernel/caller.ts";
import { requireActive, requireParticipant } from "../kernel/chat-access.ts";
import type { Needs } from "../kernel/ports.ts";
import { postChatMessage } from "../kernel/post-chat-message.ts";
import { languageFromLocale } from "../language/languages.ts";
import { secureStepsWording } from "../language/wording/secure-steps.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame, VerificationOutcome } from "../protocol/server-frames.ts";
import { contactNumberFor } from "../routing/contact-numbers.ts";
import { decideAttempt, isLocked, lockExpiry } from "./verification-policy.ts";

type VerifyDeps = Needs<"chats" | "verifications" | "profiles" | "transactions" | "sender" | "routing">;

/**
 * The customer answers a verification request. The answers go to the profile port and nowhere else:
 * they are not stored, logged, echoed or delivered (ws-request.ts keeps them out of the masked frame
 * and the event). Only the outcome is recorded: on the chat (for the agent and the next offer), on the
 * request (closed once verified or locked) and in the customer's failure count. Both sides get
 * `verificationResult`; a lock also tells the customer the number to call for their country.
 */
export async function verify(
  deps: VerifyDeps,
  caller: Caller,
  frame: ClientFrame<"verify">,
): Promise<ServerFrame<"verificationResult">> {
  const customer = caller.identity;
  if (customer.role !== "customer") throw new ForbiddenError("Only the customer can answer a verification.");
  const { chatId, verificationId } = frame;
  const answers = { last4: frame.last4, postalCode: frame.postalCode };
  const outcome = await retryOnConflict(
    async () => {
      const chat = await deps.chats.get(chatId);
      requireParticipant(chat, caller);
      requireActive(chat);
      const request = await deps.verifications.getRequest(chatId, verificationId);
      if (!request) throw new NotFoundError("No such verification.");
      if (request.state === "verified") throw new ConflictError("This verification is already complete.");
      if (request.state === "locked") return "locked" as const;
      const stored = await deps.verifications.getLock(customer.sub);
      const now = new Date();
      // While locked nothing is compared: the three guesses of a window are all a caller gets.
      const matched = isLocked(stored.lock, now) ? false : await deps.profiles.matches(customer, answers);
      const decision = decideAttempt(stored.lock, matched, now);
      const committed = await deps.transactions.commit([
        deps.verifications.lockItem(
          customer.sub,
          stored,
          decision.next,
          decision.next && lockExpiry(decision.next),
        ),
        decision.outcome === "failed"
          ? deps.verifications.openRequestCheck(chatId, verificationId)
          : deps.verifications.closeRequestItem(chatId, verificationId, decision.outcome),
        deps.chats.updateItem(chatId, {
          set: [["verification", { verificationId, outcome: decision.outcome, at: now.toISOString() }]],
          fromStates: ["assistant", "queued", "assigned"],
        }),
      ]);
      return committed ? decision.outcome : RETRY;
    },
    { operation: "verify" },
  );
  const chat = await deps.chats.get(chatId);
  const result = resultFrame(deps, customer, chatId, verificationId, outcome);
  await afterCommit("verificationResult", () => tellParticipants(deps, caller, chat, result));
  return { ...result, requestId: frame.requestId };
}

function resultFrame(
  deps: Needs<"routing">,
  customer: CustomerIdentity,
  chatId: string,
  verificationId: string,
  outcome: VerificationOutcome,
): ServerFrame<"verificationResult"> {
  const frame: ServerFrame<"verificationResult"> = {
    type: "verificationResult",
    chatId,
    verificationId,
    outcome,
  };
  if (outcome !== "locked") return frame;
  const language = languageFromLocale(customer.locale);
  return { ...frame, contactNumber: contactNumberFor(deps.routing, customer.country, language) };
}

/** The other connections of the chat get the result; a lock is also said in the chat, with the number. */
async function tellParticipants(
  deps: Needs<"chats" | "sender">,
  caller: Caller,
  chat: ChatRecord | undefined,
  result: ServerFrame<"verificationResult">,
): Promise<void> {
  const { subscriptions } = await deps.chats.loadWithSubscribers(result.chatId);
  await deps.sender.broadcast(
    subscriptions.filter((subscription) => subscription.connectionId !== caller.connectionId),
    [result],
    { chatId: result.chatId },
  );
  if (result.outcome === "locked" && result.contactNumber && chat) {
    const words = secureStepsWording(chat.assistant.language);
    await postChatMessage(deps, result.chatId, words.verificationLocked(result.contactNumber));
  }
}
