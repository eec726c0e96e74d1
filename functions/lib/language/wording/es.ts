import { listOf } from "./list-of.ts";
import type { Wording } from "./wording-types.ts";

export const spanish: Wording = {
  name: "Español",
  assistant: {
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
      `Le estoy comunicando con ${team}. Le pasaré lo que me ha contado, para que no tenga que repetirlo.`,
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
  },
  conference: {
    joinedFromTeam: (name, team) =>
      `${name}, especialista de nuestro equipo de ${team}, se unió al chat para ayudarle con su solicitud.`,
    joined: (name) => `${name} se unió al chat para ayudarle con su solicitud.`,
    left: (name, stillHere) =>
      stillHere ? `${name} salió del chat. ${stillHere} sigue con usted.` : `${name} salió del chat.`,
  },
  handoff: {
    transferring: (queue) =>
      `Le estamos transfiriendo al equipo de ${queue}. Su conversación va con usted, así que no tendrá que repetir nada.`,
    joined: (name) => `${name} se unió al chat.`,
    supervisorJoined: (name) => `Un supervisor se ha unido al chat: ${name}.`,
    closed: (hours, phone) =>
      `El chat en vivo de este equipo está cerrado ahora. Nuestro horario es ${hours}. Puede llamar al ${phone} o seguir conversando conmigo.`,
    noAgents: (phone) =>
      `Lo siento, ningún agente pudo atender su chat a tiempo. Puede llamar al ${phone} o seguir conversando conmigo y pedir un agente más tarde.`,
    failed:
      "Algo salió mal al conectarle con un agente. No se perdió nada de lo que escribió; vuelva a pedir un agente, por favor.",
    idleWarning: (minutes) =>
      `Este chat lleva un rato sin actividad. Se cerrará en ${minutes} ${minutes === 1 ? "minuto" : "minutos"} si no envía un mensaje; recibirá un resumen con su número de caso.`,
  },
  wait: {
    unknown: "No podemos estimar la espera en este momento",
    underMinute: "menos de 1 minuto",
    oneMinute: "aproximadamente 1 minuto",
    minutes: (count) => `unos ${count} minutos`,
    aboutHour: "aproximadamente 1 hora",
    overHour: "más de 1 hora",
  },
  hours: {
    days: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    always: "Las 24 horas, los 7 días de la semana",
    everyDay: "Todos los días",
    dayRun: (first, last) => `de ${first} a ${last}`,
    dayPair: (first, second) => `${first} y ${second}`,
    range: (open, close) => `de ${open} a ${close}`,
    and: " y ",
    timeZone: (zone) => `(hora de ${zone})`,
  },
  detailLabels: { amount: "Monto", date: "Fecha", merchant: "Comercio", cardLast4: "Tarjeta terminada en" },
  summary: {
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
  redaction: {
    names: {
      "card-number": "el número de tarjeta completo",
      "security-code": "el código de seguridad de la tarjeta",
      ssn: "el número de Seguro Social",
      "one-time-passcode": "el código de un solo uso",
    },
    notice: (names) =>
      `Por su seguridad oculté ${listOf(names, "y")} que escribió: el chat nunca ${names.length === 1 ? "lo" : "los"} necesita. ` +
      "Use solo los últimos 4 dígitos de la tarjeta y nunca comparta aquí un código de seguridad, " +
      "su número de Seguro Social completo ni un código de un solo uso.",
  },
  teams: {
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
  },
};
