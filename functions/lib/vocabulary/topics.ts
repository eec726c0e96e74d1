/**
 * What a chat is about, shared by the assistant (which classifies it) and routing (which queues by it).
 */
export type Topic =
  | "billing"
  | "dispute"
  | "card-services"
  | "rewards"
  | "account-changes"
  | "credit"
  | "travel"
  | "fraud"
  | "complaint"
  | "agent-request"
  | "general";

/** Topics with agents of their own that a customer can ask for by name ("the disputes team"). */
export type SpecialistTopic = Exclude<Topic, "general" | "agent-request" | "complaint">;

/**
 * A team the customer asked for, so the handoff can route there: the supervisors, a topic's
 * specialists, or the separate merchant and corporate programme desks (the issuer's guide: "these
 * teams have separate chat and phone queues").
 */
export type RequestedTeam = "supervisor" | "merchant" | "corporate" | SpecialistTopic;
