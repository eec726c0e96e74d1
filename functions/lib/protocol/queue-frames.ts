import * as z from "../zod.ts";

/**
 * v2 frames of the customer's time in a queue: leaving it (`leaveQueue` → `leftQueue`) and hearing that
 * an agent is about to join (`agentJoining`, pushed when an offer goes out). Kept apart from
 * client-frames.ts and server-frames.ts, which list them in their maps.
 */
const requestId = z.optional(z.string().check(z.minLength(1), z.maxLength(128)));
const chatId = z.string().check(z.minLength(1), z.maxLength(64));

/** Customer: leave the queue; the chat goes back to the virtual assistant. */
export const leaveQueueFrame = z.object({ action: z.literal("leaveQueue"), requestId, chatId });

/** Reply to leaveQueue (also to a repeat of it): the chat is with the assistant and offered to nobody. */
export const leftQueueFrame = z.object({
  type: z.literal("leftQueue"),
  requestId: z.optional(z.string()),
  chatId: z.string(),
});

/**
 * Pushed to the waiting customer each time the chat is offered to an agent. An offer can still lapse
 * (declined or expired): the customer then hears `queueStatus` again, and `agentJoined` when one accepts.
 */
export const agentJoiningFrame = z.object({
  type: z.literal("agentJoining"),
  chatId: z.string(),
  queueId: z.string(),
  /** In the chat's language, ready to show: "An agent is about to join the chat." */
  text: z.string(),
});
