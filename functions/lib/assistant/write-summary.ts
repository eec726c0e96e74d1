/**
 * The written summary a customer keeps after a chat. It is built only from the topic, the extracted
 * details and counts: message text is never copied, because it can be long and may hold things the
 * customer should not see repeated back. Plain lines, no tables, so it reads well with a screen reader.
 */
import { knownContactNumber } from "./contact-numbers.ts";
import { describeDetails } from "./format-details.ts";
import { knowledgeFor } from "./knowledge.ts";
import { joinList } from "./normalize-text.ts";
import type { ChatRole, ChatSummaryInput, Language, Topic } from "./types.ts";

interface SummaryText {
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

const TEXT: Readonly<Record<Language, SummaryText>> = {
  en: {
    title: "Chat summary",
    caseNumber: "Case number",
    date: "Date",
    topic: "Topic",
    details: "Details you gave:",
    accommodations: "Accommodations noted",
    inThisChat: "In this chat:",
    virtualAssistant: "You chatted with our virtual assistant.",
    agentJoined: "A live agent joined the chat.",
    supervisorJoined: "A supervisor joined the chat.",
    messageCount: (count) => `The chat had ${count} ${count === 1 ? "message" : "messages"}.`,
    notFinished:
      "No live agent joined, so nothing was changed on your account. To finish, start a new chat and ask for a live agent.",
    nextSteps: "Next steps:",
    keepCaseNumber: (caseNumber) => `Keep your case number ${caseNumber} for follow-up.`,
    and: "and",
  },
  es: {
    title: "Resumen del chat",
    caseNumber: "Número de caso",
    date: "Fecha",
    topic: "Tema",
    details: "Datos que nos dio:",
    accommodations: "Adaptaciones anotadas",
    inThisChat: "En este chat:",
    virtualAssistant: "Chateó con nuestro asistente virtual.",
    agentJoined: "Un agente se unió al chat.",
    supervisorJoined: "Un supervisor se unió al chat.",
    messageCount: (count) => `El chat tuvo ${count} ${count === 1 ? "mensaje" : "mensajes"}.`,
    notFinished:
      "No se unió ningún agente, así que no se hizo ningún cambio en su cuenta. Para terminar, inicie un chat nuevo y pida hablar con un agente.",
    nextSteps: "Próximos pasos:",
    keepCaseNumber: (caseNumber) => `Guarde su número de caso ${caseNumber} para cualquier seguimiento.`,
    and: "y",
  },
};

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

export function writeChatSummary(input: ChatSummaryInput): string {
  const text = TEXT[input.language];
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
  lines.push("", text.nextSteps, ...nextSteps(input, topic), text.keepCaseNumber(input.caseNumber));
  return lines.join("\n");
}

function whatHappened(input: ChatSummaryInput, text: SummaryText): string[] {
  const roles = input.messages.map((message) => message.role);
  const lines: string[] = [];
  if (roles.includes("assistant")) lines.push(text.virtualAssistant);
  if (input.agentJoined) lines.push(text.agentJoined);
  if (roles.includes("supervisor")) lines.push(text.supervisorJoined);
  lines.push(text.messageCount(roles.filter((role) => COUNTED_ROLES.has(role)).length));
  return lines;
}

function nextSteps(input: ChatSummaryInput, topic: Topic): string[] {
  const knowledge = knowledgeFor(input.language);
  const steps: string[] = [];
  if (!input.agentJoined && NEEDS_AN_AGENT.has(topic)) steps.push(TEXT[input.language].notFinished);
  if (topic === "fraud") steps.push(knowledge.fraudNow(knownContactNumber(input.country ?? "")));
  const topicStep = knowledge.nextSteps[topic];
  if (topicStep !== undefined) steps.push(topicStep);
  return steps;
}
