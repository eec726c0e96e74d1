import type { RequestedTeam } from "../vocabulary/topics.ts";
import type { RoutingRequest } from "./types.ts";

/**
 * The routing request for a chat whose customer asked for a team by name (the assistant's
 * `requestedTeam`): the supervisors' queue for a supervisor, the merchant or corporate desk by their
 * segment, and a topic's specialists by that topic. Everything else about the chat is kept, so the
 * country, language and the topic's priority still count.
 */
export function requestForTeam(request: RoutingRequest, team: RequestedTeam | undefined): RoutingRequest {
  if (team === undefined) return request;
  if (team === "supervisor") return { ...request, escalation: true };
  if (team === "merchant" || team === "corporate") return { ...request, segment: team };
  return { ...request, topic: team };
}
