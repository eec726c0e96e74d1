/**
 * Everything carechat says to customers outside the assistant's knowledge answers, for one language.
 * One file per language implements it (./en.ts, ./es.ts, ./ja.ts).
 */
export type DetailField = "amount" | "date" | "merchant" | "cardLast4";

/** What the assistant says around its answers: greeting, questions, offers. */
export interface AssistantPhrases {
  readonly greeting: (firstName: string | undefined) => string[];
  /** Each needed detail, as the object of "please tell me …". */
  readonly detailRequests: Readonly<Record<DetailField, string>>;
  readonly and: string;
  readonly askFor: (list: string) => string;
  readonly noted: (list: string) => string;
  readonly offerAgent: string;
  readonly connecting: string;
  /** Connecting to a team the customer asked for by name (`teams` names it). */
  readonly connectingTo: (teamName: string) => string;
  /** The customer says they will call the number they were given. */
  readonly willCall: string;
  readonly declined: string;
  readonly welcome: string;
  readonly notSure: string;
  readonly accommodationsNoted: (names: string, writtenSummary: boolean) => string;
  readonly unknownCard: (last4: string) => string;
}

/** What the system says in the chat around a handoff. */
export interface HandoffWording {
  readonly transferring: (queue: string) => string;
  readonly joined: (name: string) => string;
  /** A supervisor barged in (bargeIn): the customer is told, a monitor never is. */
  readonly supervisorJoined: (name: string) => string;
  readonly closed: (hours: string, phone: string) => string;
  readonly noAgents: (phone: string) => string;
  readonly failed: string;
  /** Nobody wrote for a while: the chat closes in `minutes` unless someone writes. */
  readonly idleWarning: (minutes: number) => string;
}

/** An estimated wait as a customer reads it (see queueing/format-wait.ts for the rounding). */
export interface WaitWording {
  readonly unknown: string;
  readonly underMinute: string;
  readonly oneMinute: string;
  readonly minutes: (count: number) => string;
  readonly aboutHour: string;
  readonly overHour: string;
}

/** Opening hours in words (see routing/hours.ts). */
export interface HoursWording {
  /** Monday first. */
  readonly days: readonly [string, string, string, string, string, string, string];
  readonly always: string;
  readonly everyDay: string;
  readonly dayRun: (first: string, last: string) => string;
  readonly dayPair: (first: string, second: string) => string;
  readonly range: (open: string, close: string) => string;
  readonly and: string;
  readonly timeZone: (zone: string) => string;
}

export interface SummaryWording {
  readonly title: string;
  readonly caseNumber: string;
  readonly date: string;
  readonly topic: string;
  readonly details: string;
  readonly accommodations: string;
  readonly inThisChat: string;
  readonly virtualAssistant: string;
  readonly agentJoined: string;
  readonly supervisorJoined: string;
  readonly messageCount: (count: number) => string;
  readonly notFinished: string;
  readonly nextSteps: string;
  readonly keepCaseNumber: (caseNumber: string) => string;
  readonly and: string;
}

/** What masking can hide (see masking/): named in the notice sent to whoever typed it. */
export type RedactedKind = "card-number" | "security-code" | "ssn" | "one-time-passcode";

export interface RedactionWording {
  readonly names: Readonly<Record<RedactedKind, string>>;
  /** The sentence for the hidden values' names: what was hidden, why, and what to share instead. */
  readonly notice: (names: readonly string[]) => string;
}

/** The teams a customer can ask for by name (the assistant's RequestedTeam). */
export type TeamKey =
  | "supervisor"
  | "merchant"
  | "corporate"
  | "dispute"
  | "credit"
  | "rewards"
  | "travel"
  | "fraud"
  | "card-services"
  | "billing"
  | "account-changes";

export interface Wording {
  /** The language's own name, for people choosing it. */
  readonly name: string;
  readonly assistant: AssistantPhrases;
  readonly handoff: HandoffWording;
  readonly wait: WaitWording;
  readonly hours: HoursWording;
  /** Labels of the details the assistant noted, in summaries and notes. */
  readonly detailLabels: Readonly<Record<DetailField, string>>;
  /** The written summary a customer keeps (see assistant/write-summary.ts). */
  readonly summary: SummaryWording;
  readonly redaction: RedactionWording;
  /** Each team as the object of "connecting you with …". */
  readonly teams: Readonly<Record<TeamKey, string>>;
  readonly conference: ConferenceWording;
}

/** What the system says in the chat when staff join or leave a conference (functions/lib/conference/). */
export interface ConferenceWording {
  /** Someone invited from a queue: `team` is the queue's configured name. */
  readonly joinedFromTeam: (name: string, team: string) => string;
  /** A named colleague invited by the agent. */
  readonly joined: (name: string) => string;
  /** `stillHere` names who stays with the customer, when someone does. */
  readonly left: (name: string, stillHere: string | undefined) => string;
}
