/**
 * What the assistant says around the answers: greeting, questions, offers. Kept apart from the
 * knowledge so that wording can change without touching the facts. Plain, short sentences, no emoji.
 */
import type { DetailField, Language, RequestedTeam } from "./types.ts";

export interface Phrases {
  readonly greeting: (firstName: string | undefined) => string[];
  /** Each needed detail, as the object of "please tell me …". */
  readonly detailRequests: Readonly<Record<DetailField, string>>;
  readonly and: string;
  readonly askFor: (list: string) => string;
  readonly noted: (list: string) => string;
  readonly offerAgent: string;
  readonly connecting: string;
  /** Connecting to a team the customer asked for by name. */
  readonly connectingTo: (team: RequestedTeam) => string;
  readonly willCall: string;
  readonly declined: string;
  readonly welcome: string;
  readonly notSure: string;
  readonly accommodationsNoted: (names: string, writtenSummary: boolean) => string;
  readonly unknownCard: (last4: string) => string;
}

const TEAM_NAMES_EN: Readonly<Record<RequestedTeam, string>> = {
  supervisor: "a supervisor",
  merchant: "merchant services",
  corporate: "the corporate card programme team",
  dispute: "our disputes team",
  credit: "our credit team",
  rewards: "our rewards team",
  travel: "our travel team",
  fraud: "our fraud team",
  "card-services": "our card services team",
  billing: "our billing team",
  "account-changes": "our account services team",
};

const TEAM_NAMES_ES: Readonly<Record<RequestedTeam, string>> = {
  supervisor: "un supervisor",
  merchant: "el servicio para comercios",
  corporate: "el equipo de programas de tarjetas corporativas",
  dispute: "nuestro equipo de disputas",
  credit: "nuestro equipo de crédito",
  rewards: "nuestro equipo de recompensas",
  travel: "nuestro equipo de viajes",
  fraud: "nuestro equipo de fraude",
  "card-services": "nuestro equipo de servicios de tarjeta",
  billing: "nuestro equipo de facturación",
  "account-changes": "nuestro equipo de servicios de cuenta",
};

const ENGLISH: Phrases = {
  greeting: (firstName) => [
    `${firstName === undefined ? "Hi" : `Hi ${firstName}`}, I'm the virtual assistant. How can I help you today?`,
    "For your security, never share your full card number, security code, passcodes or passwords in chat.",
    "You can ask for a live agent at any time. If you need accommodations, such as more time or a written summary, just tell me.",
  ],
  detailRequests: {
    amount: "the amount",
    date: "the date of the charge",
    merchant: "the merchant's name",
    cardLast4: "the last 4 digits of the card",
  },
  and: "and",
  askFor: (list) => `So an agent can help you quickly, please tell me ${list}.`,
  noted: (list) => `I have noted: ${list}.`,
  offerAgent: "Would you like me to connect you with a live agent?",
  connecting:
    "I'm connecting you with a live agent now. I'll pass on what you told me, so you won't need to repeat it.",
  connectingTo: (team) =>
    `I'm connecting you with ${TEAM_NAMES_EN[team]} now. I'll pass on what you told me, so you won't need to repeat it.`,
  willCall:
    "Good: calling is the fastest way. If you still need help in chat after your call, just write here.",
  declined: "All right. Is there anything else I can help you with?",
  welcome: "You're welcome. Is there anything else I can help you with?",
  notSure: "I'm not sure I understood.",
  accommodationsNoted: (names, writtenSummary) =>
    `Thank you for telling me. I have noted: ${names}. The agent will see this too.${
      writtenSummary ? " You will get a written summary when the chat ends." : ""
    }`,
  unknownCard: (last4) =>
    `I don't see a card ending in ${last4} on your profile. Please check the last 4 digits of the card.`,
};

const SPANISH: Phrases = {
  greeting: (firstName) => [
    `${firstName === undefined ? "Hola" : `Hola, ${firstName}`}. Soy el asistente virtual. ¿En qué puedo ayudarle hoy?`,
    "Por su seguridad, nunca comparta en el chat el número completo de su tarjeta, el código de seguridad, códigos de acceso ni contraseñas.",
    "Puede pedir hablar con un agente en cualquier momento. Si necesita alguna adaptación, como más tiempo o un resumen escrito, solo dígamelo.",
  ],
  detailRequests: {
    amount: "el monto",
    date: "la fecha del cargo",
    merchant: "el nombre del comercio",
    cardLast4: "los últimos 4 dígitos de la tarjeta",
  },
  and: "y",
  askFor: (list) => `Para que un agente pueda ayudarle rápido, indíqueme ${list}.`,
  noted: (list) => `He anotado: ${list}.`,
  offerAgent: "¿Desea que le comunique con un agente?",
  connecting:
    "Le estoy comunicando con un agente. Le pasaré lo que me ha contado, para que no tenga que repetirlo.",
  connectingTo: (team) =>
    `Le estoy comunicando con ${TEAM_NAMES_ES[team]}. Le pasaré lo que me ha contado, para que no tenga que repetirlo.`,
  willCall:
    "Muy bien: llamar es lo más rápido. Si después de la llamada aún necesita ayuda por chat, escriba aquí.",
  declined: "De acuerdo. ¿Hay algo más en lo que pueda ayudarle?",
  welcome: "Con gusto. ¿Hay algo más en lo que pueda ayudarle?",
  notSure: "No estoy seguro de haberle entendido.",
  accommodationsNoted: (names, writtenSummary) =>
    `Gracias por decírmelo. He anotado: ${names}. El agente también lo verá.${
      writtenSummary ? " Recibirá un resumen escrito al terminar el chat." : ""
    }`,
  unknownCard: (last4) =>
    `No veo una tarjeta terminada en ${last4} en su perfil. Revise los últimos 4 dígitos de la tarjeta.`,
};

const PHRASES: Readonly<Record<Language, Phrases>> = { en: ENGLISH, es: SPANISH };

export function phrasesFor(language: Language): Phrases {
  return PHRASES[language];
}
