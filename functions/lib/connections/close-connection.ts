import type { Needs } from "../kernel/ports.ts";

/**
 * Forgets a connection that closed or was found gone (410): its record, its count and its chat
 * subscriptions. A staff member whose last connection this was is signed out at once, from a
 * consistent count rather than an index read, so nobody is offered a chat they cannot see.
 */
export async function forgetConnection(
  deps: Needs<"connections" | "agents">,
  connectionId: string,
  alsoChatId?: string,
): Promise<{ chats: number }> {
  const removed = await deps.connections.forget(connectionId, alsoChatId);
  if (removed && removed.record.role !== "customer" && removed.remaining === 0)
    await deps.agents.markOffline(removed.record.userId);
  return { chats: removed?.record.chats?.size ?? 0 };
}

/** `$disconnect`: the chats themselves stay. */
export const closeConnection = (deps: Needs<"connections" | "agents">, connectionId: string) =>
  forgetConnection(deps, connectionId);
