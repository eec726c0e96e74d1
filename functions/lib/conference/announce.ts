import type { ChatRecord } from "../data/records.ts";
import { afterCommit } from "../kernel/after-commit.ts";
import type { Needs } from "../kernel/ports.ts";
import { postChatMessage } from "../kernel/post-chat-message.ts";
import { wordingFor } from "../language/wording/index.ts";
import { findQueue } from "../routing/find-queue.ts";
import type { ParticipantRef } from "./invite-context.ts";

/**
 * Tells everyone in the chat that a staff member joined: a `participantJoined` frame to every subscribed
 * connection, and a system message in the customer's language saying who joined and why (the team they
 * come from; the holder's reason itself is for staff only). The message takes the chat's next seq like
 * any other, so every audience sees one gapless sequence.
 */
export async function announceJoined(
  deps: Needs<"chats" | "sender" | "routing">,
  chat: ChatRecord,
  participant: ParticipantRef,
  queueId: string | undefined,
): Promise<void> {
  await afterCommit("participantJoined", async () => {
    const { subscriptions } = await deps.chats.loadWithSubscribers(chat.chatId);
    await deps.sender.broadcast(
      subscriptions,
      [{ type: "participantJoined", chatId: chat.chatId, participant }],
      {
        chatId: chat.chatId,
      },
    );
  });
  const wording = wordingFor(chat.assistant.language).conference;
  const team = queueId ? findQueue(deps.routing, queueId)?.name : undefined;
  const text = team ? wording.joinedFromTeam(participant.name, team) : wording.joined(participant.name);
  await afterCommit("participantJoinedNotice", () => postChatMessage(deps, chat.chatId, text));
}

/** The same when one leaves: the others get `participantLeft`, the customer a system message. */
export async function announceLeft(
  deps: Needs<"chats" | "sender">,
  chat: ChatRecord,
  participant: ParticipantRef,
  stillHere: string | undefined,
): Promise<void> {
  await afterCommit("participantLeft", async () => {
    const { subscriptions } = await deps.chats.loadWithSubscribers(chat.chatId);
    await deps.sender.broadcast(
      subscriptions,
      [{ type: "participantLeft", chatId: chat.chatId, participant }],
      {
        chatId: chat.chatId,
      },
    );
  });
  const wording = wordingFor(chat.assistant.language).conference;
  await afterCommit("participantLeftNotice", () =>
    postChatMessage(deps, chat.chatId, wording.left(participant.name, stillHere)),
  );
}
