/**
 * The written summary a customer keeps after a chat. It is built only from the topic, the extracted
 * details and counts: message text is never copied, because it can be long and may hold things the
 * customer should not see repeated back. Plain lines, no tables, so it reads well with a screen reader.
 */

import { type SummaryWording, wordingFor } from "../language/wording/index.ts";
import { describeDetails } from "./format-details.ts";
import { knowledgeFor } from "./knowledge.ts";
import { joinList } from "./normalize-text.ts";
import type { ChatRole, ChatSummaryInput, ContactDirectory, Topic } from "./types.ts";

/** Topics where only an agent can act, so a chat without one left the request unfinished. */
const NEEDS_AN_AGENT: ReadonlySet<Topic> = new Set([
  "dispute",
  "card-services",
  "billing",
  "account-changes",
  "credit",
  "complaint",
]);

// System notices (redaction warnings, queue updates) are not part of the conversation.
const COUNTED_ROLES: ReadonlySet<ChatRole> = new Set(["customer", "assistant", "agent", "supervisor"]);

/** `contacts` gives the fraud line for the customer's country in the next steps. */
export function writeChatSummary(input: ChatSummaryInput, contacts?: ContactDirectory): string {
  const text = wordingFor(input.language).summary;
  const knowledge = knowledgeFor(input.language);
  const topic = input.topic ?? "general";
  const lines = [text.title, `${text.caseNumber}: ${input.caseNumber}`];
  if (input.chatDate !== undefined) lines.push(`${text.date}: ${input.chatDate}`);
  lines.push(`${text.topic}: ${knowledge.topicNames[topic]}`);

  const details = describeDetails(input.details, input.language);
  if (details.length > 0)
    lines.push("", text.details, ...details.map((line) => `${line.label}: ${line.value}`));
  const accommodations = input.details.accommodations ?? [];
  if (accommodations.length > 0) {
    const names = accommodations.map((code) => knowledge.accommodationNames[code]);
    lines.push("", `${text.accommodations}: ${joinList(names, text.and)}.`);
  }

  lines.push("", text.inThisChat, ...whatHappened(input, text));
  lines.push("", text.nextSteps, ...nextSteps(input, topic, contacts), text.keepCaseNumber(input.caseNumber));
  return lines.join("\n");
}

function whatHappened(input: ChatSummaryInput, text: SummaryWording): string[] {
  const roles = input.messages.map((message) => message.role);
  const lines: string[] = [];
  if (roles.includes("assistant")) lines.push(text.virtualAssistant);
  if (input.agentJoined) lines.push(text.agentJoined);
  if (roles.includes("supervisor")) lines.push(text.supervisorJoined);
  lines.push(text.messageCount(roles.filter((role) => COUNTED_ROLES.has(role)).length));
  return lines;
}

function nextSteps(input: ChatSummaryInput, topic: Topic, contacts?: ContactDirectory): string[] {
  const knowledge = knowledgeFor(input.language);
  const steps: string[] = [];
  if (!input.agentJoined && NEEDS_AN_AGENT.has(topic))
    steps.push(wordingFor(input.language).summary.notFinished);
  if (topic === "fraud") steps.push(knowledge.fraudNow(contacts?.known(input.country ?? "")));
  const topicStep = knowledge.nextSteps[topic];
  if (topicStep !== undefined) steps.push(topicStep);
  return steps;
}
