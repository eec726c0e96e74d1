import { awaitInviteAnswer, expireInvite } from "../conference/invite-steps.ts";
import { type InviteRef, offerInvite } from "../conference/offer-invite.ts";
import { enqueue } from "../handoff/enqueue.ts";
import { remindOrOverflow } from "../handoff/fraud-reminder.ts";
import {
  afterHours,
  awaitAnswer,
  awaitOffer,
  expireOffer,
  noAgents,
  recover,
  type WaitRef,
} from "../handoff/wait-tasks.ts";
import type { Ports } from "../kernel/ports.ts";
import type { HandoffInput } from "../workflows/handoff-workflow.ts";

/** What each state of state-machines/chat-handoff.asl.json sends its task function, by `step`. */
export type HandoffTaskEvent =
  | { step: "enqueue"; input: HandoffInput }
  | { step: "awaitOffer" | "awaitAnswer"; ref: WaitRef; taskToken: string }
  | { step: "expireOffer" | "overflow" | "noAgents"; ref: WaitRef }
  | { step: "afterHours"; chatId: string; queueId: string }
  | { step: "recover"; chatId: string }
  | { step: "awaitInviteAnswer"; ref: InviteRef; taskToken: string }
  | { step: "expireInvite"; ref: InviteRef };

export type HandoffStep = HandoffTaskEvent["step"];
/** The event of one step (a union member may serve several steps, e.g. both waits). */
type EventOf<S extends HandoffStep> = HandoffTaskEvent extends infer E
  ? E extends { step: infer T }
    ? S extends T
      ? E
      : never
    : never
  : never;

/**
 * The handoff workflow's steps, one plain function each; the ASL names them by `step` (a test checks
 * that the two lists agree). The waits register their token and return; the workflow resumes when
 * someone signals it.
 */
export const handoffSteps: { [S in HandoffStep]: (deps: Ports, event: EventOf<S>) => Promise<unknown> } = {
  // A conference invitation enters at Enqueue too, and is offered instead of queued.
  enqueue: (deps, { input }) =>
    input.inviteId
      ? offerInvite(deps, { chatId: input.chatId, inviteId: input.inviteId })
      : enqueue(deps, input),
  awaitOffer: async (deps, event) => {
    await awaitOffer(deps, event.ref, event.taskToken);
    return { registered: true };
  },
  awaitAnswer: async (deps, event) => {
    await awaitAnswer(deps, event.ref, event.taskToken);
    return { registered: true };
  },
  expireOffer: (deps, event) => expireOffer(deps, event.ref),
  // The wait for an offer timed out: a fraud reminder that is due, or the queue's overflow.
  overflow: (deps, event) => remindOrOverflow(deps, event.ref),
  noAgents: (deps, event) => noAgents(deps, event.ref),
  afterHours: (deps, event) => afterHours(deps, event),
  recover: (deps, event) => recover(deps, event),
  awaitInviteAnswer: async (deps, event) => {
    await awaitInviteAnswer(deps, event.ref, event.taskToken);
    return { registered: true };
  },
  expireInvite: (deps, event) => expireInvite(deps, event.ref),
};

/** The chat a task event is about, for the log keys. */
export const chatIdOf = (event: HandoffTaskEvent): string =>
  "input" in event ? event.input.chatId : "ref" in event ? event.ref.chatId : event.chatId;
