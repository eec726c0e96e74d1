/**
 * What the assistant knows, in English and Spanish, taken from the issuer's chat guide. Sentences are
 * short and plain because many customers read them with a screen reader.
 */
import type { Accommodation, Language, Topic } from "./types.ts";

/** Topics the assistant answers with guidance; fraud and agent requests get their own handling. */
export type AnsweredTopic = Exclude<Topic, "fraud" | "agent-request">;

export interface Knowledge {
  readonly topicNames: Readonly<Record<Topic, string>>;
  readonly answers: Readonly<Record<AnsweredTopic, string>>;
  readonly availability: string;
  readonly neverAsksFor: string;
  readonly disputeTimeline: string;
  /** Fraud happening now: call at once. Without a number, the one on the back of the card. */
  readonly fraudNow: (phoneNumber: string | undefined) => string;
  /** Travelling and in need of funds now: call at once, the same way. */
  readonly travelFundsNow: (phoneNumber: string | undefined) => string;
  /** A product served by its own phone line, such as a prepaid card. */
  readonly productLine: (productName: string, phoneNumber: string) => string;
  /** Merchants and corporate programme administrators have teams of their own. */
  readonly ownDesk: Readonly<Record<"merchant" | "corporate", string>>;
  readonly caseNumber: string;
  readonly isAi: string;
  /** Next steps a written summary gives for the topic, where there is more to say than the case number. */
  // Fraud has none here: its next step is `fraudNow` with the customer's number.
  readonly nextSteps: Readonly<Partial<Record<Topic, string>>>;
  readonly accommodationNames: Readonly<Record<Accommodation, string>>;
}

const DISPUTE_TIMELINE_EN =
  "Under the Fair Credit Billing Act, you generally have 60 days from the statement date to dispute a billing error. " +
  "We acknowledge your dispute within 30 days and resolve it within two billing cycles, not more than 90 days.";

const DISPUTE_TIMELINE_ES =
  "Según la Ley de Facturación Justa de Crédito (Fair Credit Billing Act), por lo general tiene 60 días a partir de " +
  "la fecha del estado de cuenta para disputar un error de facturación. Confirmamos su disputa en un plazo de 30 días " +
  "y la resolvemos en un máximo de dos ciclos de facturación, no más de 90 días.";

const ENGLISH: Knowledge = {
  topicNames: {
    billing: "Billing and payments",
    dispute: "Dispute about a charge",
    "card-services": "Lost, stolen or damaged card, card lock and replacement",
    rewards: "Rewards and benefits",
    "account-changes": "Account changes",
    credit: "Credit and account review",
    travel: "Travel support",
    fraud: "Suspected fraud",
    complaint: "Complaint",
    "agent-request": "Request to talk with a live agent",
    general: "General question",
  },
  answers: {
    billing:
      "I can help with your due date, changing your payment date, payment posting, late fees and your annual fee. " +
      "If a late fee came from a system error, a natural disaster or a bank posting delay, an agent can review it for a goodwill credit.",
    dispute: `You can dispute a charge that is incorrect, duplicated, or for goods or services you did not receive. ${DISPUTE_TIMELINE_EN}`,
    "card-services":
      "If your card is lost, stolen or damaged, we can lock it right away and send you a replacement. " +
      "We can also lock or unlock your card and check your digital wallet, such as Apple Pay or Google Pay.",
    rewards:
      "I can help you check your Membership Rewards points, use Pay with Points, and understand benefits such as statement credits and lounge access. " +
      "Please tell me the benefit name as it appears in your account and the month or offer ID.",
    "account-changes":
      "We can add or remove authorized users, update your contact information, confirm your mailing address and review your communication preferences. " +
      "For an authorized user, please have their full name ready.",
    credit:
      "An agent can check whether you are eligible for a credit limit increase, explain your APR disclosures, and walk you through upgrading or downgrading your card.",
    travel:
      "I can help with bookings made through us, your itinerary details and coverage under eligible trip protections. " +
      "For complex reissues or changes the airline controls, an agent may connect you to the travel desk.",
    complaint:
      "I am sorry about your experience. A live agent will log your complaint and give you a case number; with that number you can look up its status in this chat at any time, today or later.",
    general:
      "I can help with billing and payments, disputes, lost or stolen cards, rewards, account changes, credit and travel. " +
      "Please tell me in one sentence what you need, for example: I want to dispute a charge.",
  },
  availability:
    "Chat is open 24 hours a day, 7 days a week for US consumer and small business cardmembers. " +
    "You can chat in English or Spanish. In other countries, hours may vary.",
  neverAsksFor:
    "We will never ask for your full card number, the 4-digit security code, your full Social Security number, one-time passcodes or passwords in chat. " +
    "To verify you, we only use the last 4 digits of your card and your ZIP code.",
  disputeTimeline: DISPUTE_TIMELINE_EN,
  fraudNow: (phoneNumber) =>
    phoneNumber === undefined
      ? "If charges you do not recognize are happening right now, please call the number on the back of your card now. Calling is the fastest way to stop them."
      : `If charges you do not recognize are happening right now, please call ${phoneNumber} now, or the number on the back of your card. Calling is the fastest way to stop them.`,
  travelFundsNow: (phoneNumber) =>
    `If you are travelling and need access to funds now, please call ${phoneNumber ?? "the number on the back of your card"} now. ` +
    "The phone team can help at once with an emergency card replacement and access to funds. If your card is lost or stolen, I can also note that for an agent.",
  productLine: (productName, phoneNumber) =>
    `${productName} has its own customer service team, who can also take a complaint: please call ${phoneNumber}.`,
  ownDesk: {
    merchant:
      "Merchants have their own team, with separate chat and phone lines. I'm connecting you with merchant services now. " +
      "You can also use the contact options shown in your merchant portal.",
    corporate:
      "Corporate card programme administrators have their own team, with separate chat and phone lines. I'm connecting you with them now. " +
      "You can also use the contact options shown in your corporate account dashboard.",
  },
  caseNumber:
    "Every chat has a case number. You will find it in the written summary at the end of this chat, and a live agent can confirm it. " +
    "Keep it, with the date of the chat, for any follow-up.",
  isAi: "I'm the virtual assistant: an automated program, not a person. You can ask for a live agent, a real person, at any time.",
  nextSteps: {
    dispute: DISPUTE_TIMELINE_EN,
    "card-services":
      "If a replacement card was ordered, it will arrive by mail at the address on file. A locked card cannot be used until it is unlocked.",
    complaint:
      "Your complaint is logged with your case number. You can look up its status at any time with that number.",
  },
  accommodationNames: {
    "screen-reader": "screen reader",
    "more-time": "more time",
    "written-summary": "written summary",
    "hard-of-hearing": "hard of hearing",
    "low-vision": "low vision",
    "plain-language": "plain language",
  },
};

const SPANISH: Knowledge = {
  topicNames: {
    billing: "Facturación y pagos",
    dispute: "Disputa de un cargo",
    "card-services": "Tarjeta perdida, robada o dañada, bloqueo y reemplazo",
    rewards: "Recompensas y beneficios",
    "account-changes": "Cambios en la cuenta",
    credit: "Crédito y revisión de la cuenta",
    travel: "Asistencia de viajes",
    fraud: "Posible fraude",
    complaint: "Queja",
    "agent-request": "Solicitud para hablar con un agente",
    general: "Consulta general",
  },
  answers: {
    billing:
      "Puedo ayudarle con su fecha de vencimiento, el cambio de su fecha de pago, la aplicación de pagos, los cargos por mora y la cuota anual. " +
      "Si un cargo por mora se debió a un error del sistema, un desastre natural o un retraso del banco, un agente puede revisarlo para un crédito de cortesía.",
    dispute: `Puede disputar un cargo incorrecto, duplicado o por bienes o servicios que no recibió. ${DISPUTE_TIMELINE_ES}`,
    "card-services":
      "Si su tarjeta se perdió, se la robaron o está dañada, podemos bloquearla de inmediato y enviarle un reemplazo. " +
      "También podemos bloquear o desbloquear su tarjeta y revisar su billetera digital, como Apple Pay o Google Pay.",
    rewards:
      "Puedo ayudarle a consultar sus puntos Membership Rewards, usar Pay with Points y entender beneficios como créditos en el estado de cuenta y el acceso a salas VIP. " +
      "Indíqueme el nombre del beneficio tal como aparece en su cuenta y el mes o el número de la oferta.",
    "account-changes":
      "Podemos agregar o quitar usuarios autorizados, actualizar sus datos de contacto, confirmar su dirección postal y revisar sus preferencias de comunicación. " +
      "Para un usuario autorizado, tenga a mano su nombre completo.",
    credit:
      "Un agente puede revisar si califica para un aumento de su límite de crédito, explicarle la información de su tasa de interés (APR) y los pasos para mejorar o cambiar su tarjeta.",
    travel:
      "Puedo ayudarle con reservas hechas con nosotros, los detalles de su itinerario y la cobertura de las protecciones de viaje elegibles. " +
      "Para reemisiones complejas o cambios que controla la aerolínea, un agente puede comunicarle con el equipo de viajes.",
    complaint:
      "Lamento lo ocurrido. Un agente registrará su queja y le dará un número de caso; con ese número puede consultar su estado en este chat cuando quiera, hoy o más adelante.",
    general:
      "Puedo ayudarle con facturación y pagos, disputas, tarjetas perdidas o robadas, recompensas, cambios en la cuenta, crédito y viajes. " +
      "Dígame en una frase qué necesita, por ejemplo: quiero disputar un cargo.",
  },
  availability:
    "El chat está disponible las 24 horas, los 7 días de la semana, para tarjetahabientes personales y de pequeñas empresas en Estados Unidos. " +
    "Puede chatear en español o en inglés. En otros países, el horario puede variar.",
  neverAsksFor:
    "Nunca le pediremos en el chat el número completo de su tarjeta, el código de seguridad de 4 dígitos, su número de Seguro Social completo, códigos de un solo uso ni contraseñas. " +
    "Para verificar su identidad, solo usamos los últimos 4 dígitos de su tarjeta y su código postal.",
  disputeTimeline: DISPUTE_TIMELINE_ES,
  fraudNow: (phoneNumber) =>
    phoneNumber === undefined
      ? "Si en este momento se están haciendo cargos que no reconoce, llame ahora mismo al número que aparece al reverso de su tarjeta. Llamar es la forma más rápida de detenerlos."
      : `Si en este momento se están haciendo cargos que no reconoce, llame ahora mismo al ${phoneNumber} o al número que aparece al reverso de su tarjeta. Llamar es la forma más rápida de detenerlos.`,
  travelFundsNow: (phoneNumber) =>
    `Si está de viaje y necesita acceso a fondos ahora, llame ya ${phoneNumber === undefined ? "al número que aparece al reverso de su tarjeta" : `al ${phoneNumber}`}. ` +
    "El equipo telefónico puede ayudarle de inmediato con una tarjeta de reemplazo de emergencia y el acceso a fondos. Si perdió su tarjeta o se la robaron, también puedo anotarlo para un agente.",
  productLine: (productName, phoneNumber) =>
    `${productName} tiene su propio equipo de atención al cliente, que también atiende quejas: llame al ${phoneNumber}.`,
  ownDesk: {
    merchant:
      "Los comercios tienen su propio equipo, con chat y teléfono aparte. Le estoy comunicando con el servicio para comercios. " +
      "También puede usar las opciones de contacto de su portal de comercio.",
    corporate:
      "Los administradores de programas de tarjetas corporativas tienen su propio equipo, con chat y teléfono aparte. Le estoy comunicando con ellos. " +
      "También puede usar las opciones de contacto del panel de su cuenta corporativa.",
  },
  caseNumber:
    "Cada chat tiene un número de caso. Lo encontrará en el resumen escrito al final de este chat, y un agente puede confirmárselo. " +
    "Guárdelo, con la fecha del chat, para cualquier seguimiento.",
  isAi: "Soy el asistente virtual: un programa automático, no una persona. Puede pedir hablar con un agente, una persona real, en cualquier momento.",
  nextSteps: {
    dispute: DISPUTE_TIMELINE_ES,
    "card-services":
      "Si se pidió una tarjeta de reemplazo, llegará por correo a la dirección registrada. Una tarjeta bloqueada no se puede usar hasta que se desbloquee.",
    complaint:
      "Su queja quedó registrada con su número de caso. Puede consultar su estado cuando quiera con ese número.",
  },
  accommodationNames: {
    "screen-reader": "lector de pantalla",
    "more-time": "más tiempo",
    "written-summary": "resumen escrito",
    "hard-of-hearing": "dificultad auditiva",
    "low-vision": "baja visión",
    "plain-language": "lenguaje sencillo",
  },
};

/** Answers are content, not wording: a language without its own yet is answered in English. */
const KNOWLEDGE: Readonly<Partial<Record<Language, Knowledge>>> = { en: ENGLISH, es: SPANISH };

export function knowledgeFor(language: Language): Knowledge {
  return KNOWLEDGE[language] ?? ENGLISH;
}
