import type { Caller } from "../kernel/caller.ts";
import type { Needs } from "../kernel/ports.ts";
import type { ClientFrame } from "../protocol/client-frames.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";
import { readableCase } from "./case-access.ts";
import { toCaseFrame } from "./case-view.ts";

/**
 * A case by its number, from any chat or connection: a customer reads only their own cases (the check
 * is on the case's customer, not on the chat the question comes from, so a new chat the next day
 * finds yesterday's case); staff read the cases of chats they may see. Anything else is NOT_FOUND,
 * worded exactly as for a number that does not exist.
 */
export async function getCase(
  deps: Needs<"cases" | "chats">,
  caller: Caller,
  frame: ClientFrame<"getCase">,
): Promise<ServerFrame<"case">> {
  const { record } = await readableCase(deps, frame.caseNumber, caller.identity);
  return toCaseFrame(record, caller.identity, frame.requestId);
}
