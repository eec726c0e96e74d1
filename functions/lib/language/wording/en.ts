import { listOf } from "./list-of.ts";
import type { Wording } from "./wording-types.ts";

export const english: Wording = {
  name: "English",
  assistant: {
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
      `I'm connecting you with ${team} now. I'll pass on what you told me, so you won't need to repeat it.`,
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
  },
  conference: {
    joinedFromTeam: (name, team) =>
      `${name}, a specialist from our ${team} team, has joined the chat to help with your request.`,
    joined: (name) => `${name} has joined the chat to help with your request.`,
    left: (name, stillHere) =>
      stillHere ? `${name} has left the chat. ${stillHere} is still with you.` : `${name} has left the chat.`,
  },
  handoff: {
    transferring: (queue) =>
      `You're being transferred to our ${queue} team. Your conversation goes with you, so you won't need to repeat yourself.`,
    joined: (name) => `${name} joined the chat.`,
    supervisorJoined: (name) => `A supervisor has joined the chat: ${name}.`,
    closed: (hours, phone) =>
      `Live chat for this team is closed right now. Our hours are ${hours}. You can call ${phone}, or keep chatting with me.`,
    noAgents: (phone) =>
      `I'm sorry, no live agent could take your chat in time. You can call ${phone}, or keep chatting with me and ask for an agent again later.`,
    failed:
      "Something went wrong while connecting you to an agent. Nothing you wrote was lost; please ask for an agent again.",
    idleWarning: (minutes) =>
      `This chat has been quiet for a while. It will close in ${minutes} ${minutes === 1 ? "minute" : "minutes"} unless you send a message; you'll get a summary with your case number.`,
  },
  wait: {
    unknown: "We can't estimate the wait right now",
    underMinute: "less than 1 minute",
    oneMinute: "about 1 minute",
    minutes: (count) => `about ${count} minutes`,
    aboutHour: "about 1 hour",
    overHour: "more than 1 hour",
  },
  hours: {
    days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    always: "24 hours a day, 7 days a week",
    everyDay: "Every day",
    dayRun: (first, last) => `${first} to ${last}`,
    dayPair: (first, second) => `${first} and ${second}`,
    range: (open, close) => `${open} to ${close}`,
    and: " and ",
    timeZone: (zone) => `(${zone} time)`,
  },
  detailLabels: { amount: "Amount", date: "Date", merchant: "Merchant", cardLast4: "Card ending in" },
  summary: {
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
  redaction: {
    names: {
      "card-number": "the full card number",
      "security-code": "the card security code",
      ssn: "the Social Security number",
      "one-time-passcode": "the one-time passcode",
    },
    notice: (names) =>
      `For your security I hid ${listOf(names, "and")} you typed: chat never needs ${names.length === 1 ? "it" : "them"}. ` +
      "Use only the last 4 digits of a card, and never share a security code, full Social Security number " +
      "or one-time passcode here.",
  },
  teams: {
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
  },
};
