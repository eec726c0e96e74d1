import type { Language } from "./languages.ts";

/**
 * What carechat tells a customer while they wait in a queue, per language: leaving the queue, an agent
 * about to join, the assistant still answering, and the reminder to call about fraud happening now.
 * Kept apart from the wording files so the queue features can grow without touching every language's
 * main file.
 */
export interface QueueWording {
  /** Posted by the assistant when the customer leaves the queue (leaveQueue). */
  readonly leftQueue: string;
  /** The `agentJoining` frame's text, sent when an offer goes out to an agent. */
  readonly agentJoining: string;
  /** The assistant's answer to a request for a person while the chat already waits for one. */
  readonly stillQueued: string;
  /** A fraud chat still waiting after the configured time: call the number now. */
  readonly fraudReminder: (phone: string) => string;
}

const english: QueueWording = {
  leftQueue:
    "You've left the queue, so no agent will join. I'm still here: ask me anything, or ask for an agent again whenever you like.",
  agentJoining: "An agent is about to join the chat.",
  stillQueued:
    "You're already in the queue for a live agent and keep your place. I'll keep answering while you wait.",
  fraudReminder: (phone) =>
    `You're still waiting. If charges you don't recognise are happening right now, please call ${phone} now: the fraud team can stop them at once. You keep your place in the queue.`,
};

const spanish: QueueWording = {
  leftQueue:
    "Ha salido de la cola, así que ningún agente se unirá. Sigo aquí: pregúnteme lo que quiera o vuelva a pedir un agente cuando lo desee.",
  agentJoining: "Un agente está a punto de unirse al chat.",
  stillQueued:
    "Ya está en la cola para hablar con un agente y conserva su lugar. Seguiré respondiendo mientras espera.",
  fraudReminder: (phone) =>
    `Sigue en espera. Si se están haciendo cargos que no reconoce en este momento, llame ahora al ${phone}: el equipo de fraude puede detenerlos de inmediato. Conserva su lugar en la cola.`,
};

const japanese: QueueWording = {
  leftQueue:
    "待ち行列から退出しました。担当者は参加しません。引き続きご質問にお答えします。担当者が必要になったら、いつでもお申し付けください。",
  agentJoining: "まもなく担当者がチャットに参加します。",
  stillQueued: "すでに担当者の待ち行列に入っており、順番はそのままです。お待ちの間も引き続きお答えします。",
  fraudReminder: (phone) =>
    `まだお待ちいただいています。身に覚えのない請求が今まさに発生している場合は、すぐに${phone}へお電話ください。不正利用担当がすぐに止めることができます。待ち行列の順番はそのままです。`,
};

const WORDING: Readonly<Record<Language, QueueWording>> = { en: english, es: spanish, ja: japanese };

export const queueWordingFor = (language: Language): QueueWording => WORDING[language] ?? english;
