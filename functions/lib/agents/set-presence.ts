import { type DispatchPorts, dispatch } from "../handoff/dispatcher.ts";
import { servedQueues } from "../handoff/served-queues.ts";
import type { Caller } from "../kernel/caller.ts";
import { requireStaff } from "../kernel/require-staff.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";

/** An agent signs in, steps away or signs out; an available agent with a free slot is offered waiting chats. */
export async function setPresence(
  deps: DispatchPorts,
  caller: Caller,
  frame: ClientFrame<"setPresence">,
): Promise<ServerFrame<"presence"> | undefined> {
  const identity = requireStaff(caller);
  const agent = await deps.agents.setPresence(identity, frame.status);
  const reply: ServerFrame<"presence"> = {
    type: "presence",
    requestId: frame.requestId,
    status: agent.status,
    activeChats: agent.activeChats,
    maxChats: agent.maxChats,
  };
  if (agent.status !== "available") return reply;
  // The presence reply goes out before any offer it leads to.
  await deps.sender.send(caller.connectionId, [reply]);
  await dispatch(deps, servedQueues(deps.routing, agent.queues));
  return undefined;
}
