import type { Needs } from "../kernel/ports.ts";

/**
 * `$disconnect`: forget the connection and unsubscribe it from its chats (the chats themselves stay).
 * An agent whose last connection closed is signed out, so nobody is offered a chat they cannot see.
 */
export async function closeConnection(
  deps: Needs<"connections" | "agents">,
  connectionId: string,
): Promise<{ chats: number }> {
  const removed = await deps.connections.forget(connectionId);
  if (
    removed &&
    removed.role !== "customer" &&
    (await deps.connections.listForUser(removed.userId)).length === 0
  )
    await deps.agents.markOffline(removed.userId);
  return { chats: removed?.chats?.size ?? 0 };
}
