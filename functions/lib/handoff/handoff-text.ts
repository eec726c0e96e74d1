import type { Language } from "../assistant/types.ts";

/** What the system says in the chat around a handoff, in the customer's language. */
const english = {
  transferring: (queue: string) =>
    `You're being transferred to our ${queue} team. Your conversation goes with you, so you won't need to repeat yourself.`,
  joined: (name: string) => `${name} joined the chat.`,
  closed: (hours: string, phone: string) =>
    `Live chat for this team is closed right now. Our hours are ${hours}. You can call ${phone}, or keep chatting with me.`,
  noAgents: (phone: string) =>
    `I'm sorry, no live agent could take your chat in time. You can call ${phone}, or keep chatting with me and ask for an agent again later.`,
  failed:
    "Something went wrong while connecting you to an agent. Nothing you wrote was lost; please ask for an agent again.",
};

const spanish: typeof english = {
  transferring: (queue) =>
    `Le estamos transfiriendo al equipo de ${queue}. Su conversación va con usted, así que no tendrá que repetir nada.`,
  joined: (name) => `${name} se unió al chat.`,
  closed: (hours, phone) =>
    `El chat en vivo de este equipo está cerrado ahora. Nuestro horario es ${hours}. Puede llamar al ${phone} o seguir conversando conmigo.`,
  noAgents: (phone) =>
    `Lo siento, ningún agente pudo atender su chat a tiempo. Puede llamar al ${phone} o seguir conversando conmigo y pedir un agente más tarde.`,
  failed:
    "Algo salió mal al conectarle con un agente. No se perdió nada de lo que escribió; vuelva a pedir un agente, por favor.",
};

export const handoffText = (language: Language) => (language === "es" ? spanish : english);
