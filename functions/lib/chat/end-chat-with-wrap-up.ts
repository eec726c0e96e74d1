import { checkWrapUp, recordWrapUp, type WrapUpPorts } from "../cases/wrap-up.ts";
import { afterCommit } from "../kernel/after-commit.ts";
import type { Caller } from "../kernel/caller.ts";
import { requireParticipant } from "../kernel/chat-access.ts";
import { requireStaff } from "../kernel/require-staff.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { endChat } from "./end-chat.ts";

type EndChatPorts = Parameters<typeof endChat>[0];

/**
 * `endChat` with an agent's wrap-up: the code is checked before the chat is ended (a wrong code is
 * BAD_REQUEST and ends nothing), and recorded once the end is committed. Without `wrapUp` this is
 * plain `endChat`, for every participant.
 */
export async function endChatWithWrapUp(
  deps: EndChatPorts & WrapUpPorts,
  caller: Caller,
  frame: ClientFrame<"endChat">,
): Promise<ServerFrame<"chatEnding">> {
  const { wrapUp } = frame;
  if (!wrapUp) return endChat(deps, caller, frame);
  const staff = requireStaff(caller);
  const chat = await deps.chats.get(frame.chatId);
  requireParticipant(chat, caller);
  checkWrapUp(deps, chat, staff, wrapUp.code);
  const ending = await endChat(deps, caller, frame);
  // Committed: a wrap-up that still fails is logged; the agent can give it again with `wrapUp`.
  await afterCommit("wrapUpAtEnd", () => recordWrapUp(deps, chat, staff, wrapUp));
  return ending;
}
