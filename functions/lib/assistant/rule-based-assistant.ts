import { knownContactNumber } from "../routing/contact-numbers.ts";
import {
  missingDetails,
  OFFER_AGENT_AFTER_TURNS,
  REQUIRED_DETAILS,
  topicNeedsAgent,
} from "./agent-policy.ts";
import { asksForAgent, classifyTopic, detectLanguage, languageFromLocale } from "./classify-topic.ts";
import { askedQuestions } from "./faq.ts";
import { describeDetails } from "./format-details.ts";
import { needsFundsWhileTravelling, requestedTeam, saysWillCall } from "./intents.ts";
import { type AnsweredTopic, type Knowledge, knowledgeFor } from "./knowledge.ts";
import { firstName, joinList } from "./normalize-text.ts";
import { type Phrases, phrasesFor } from "./phrases.ts";
import { prepareText } from "./prepare-text.ts";
import { productFor, productNumber } from "./products.ts";
import { isAffirmative, isNegative, isThanks } from "./short-replies.ts";
import type {
  Accommodation,
  AssistantDirectory,
  AssistantReply,
  AssistantState,
  AssistantTurn,
  CustomerProfile,
  ExtractedDetails,
  Language,
  RequestedTeam,
  Topic,
  VirtualAssistant,
} from "./types.ts";
import { soleAccount, updateDetails } from "./update-details.ts";

/**
 * The deterministic virtual assistant: keyword classification, pattern extraction and fixed answers.
 * It never acts on an account; it answers the common question, collects what an agent needs and
 * offers a live agent when a person has to finish the job.
 */
export class RuleBasedAssistant implements VirtualAssistant {
  /**
   * `directory` is the routing configuration, or the slice of it with the phone numbers and the
   * products: the caller loads it, the assistant never does.
   */
  constructor(private readonly directory: AssistantDirectory) {}

  greet(profile: CustomerProfile, language: Language = languageFromLocale(profile.locale)): AssistantReply {
    const sole = soleAccount(profile);
    return {
      messages: phrasesFor(language).greeting(firstName(profile.name)),
      state: {
        language,
        details: sole === undefined ? {} : { cardLast4: sole },
        turns: 0,
        agentOffered: false,
      },
      wantsAgent: false,
      urgentFraud: false,
    };
  }

  reply(turn: AssistantTurn): Promise<AssistantReply> {
    return Promise.resolve(respond(this.directory, turn));
  }
}

interface TurnContext {
  readonly text: string;
  readonly state: AssistantState;
  readonly topic: Topic;
  readonly topicChanged: boolean;
  readonly urgentFraud: boolean;
  readonly urgentTravel: boolean;
  readonly knowledge: Knowledge;
  readonly phrases: Phrases;
  readonly language: Language;
}

const SPECIALIST_TEAMS: ReadonlySet<RequestedTeam> = new Set(["supervisor", "merchant", "corporate"]);

function respond(directory: AssistantDirectory, turn: AssistantTurn): AssistantReply {
  const { text, language: chosen, profile, state } = turn;
  const language = chosen ?? detectLanguage(text, state.language);
  const prepared = prepareText(text);
  const classified = classifyTopic(text).topic;
  const team = requestedTeam(prepared);
  const urgentFraud = classified === "fraud";
  const urgentTravel = !urgentFraud && needsFundsWhileTravelling(prepared);
  const teamTopic = team !== undefined && !SPECIALIST_TEAMS.has(team) ? (team as Topic) : undefined;
  const topic = urgentTravel ? "travel" : nextTopic(state.topic, teamTopic ?? classified);
  const update = updateDetails(text, profile, state, topic, classified);
  const context: TurnContext = {
    text,
    state,
    topic,
    topicChanged: topic !== state.topic,
    urgentFraud,
    urgentTravel,
    knowledge: knowledgeFor(language),
    phrases: phrasesFor(language),
    language,
  };
  const next: AssistantState = {
    ...state,
    topic,
    language,
    details: update.details,
    turns: state.turns + 1,
  };
  const product = productFor(directory, text, urgentFraud ? profile : undefined);
  const productLine = product === undefined ? undefined : productNumber(product, profile.country);
  const countryNumber = knownContactNumber(directory, profile.country);
  const messages: string[] = [];
  if (urgentFraud) messages.push(context.knowledge.fraudNow(productLine ?? countryNumber));
  if (urgentTravel) messages.push(context.knowledge.travelFundsNow(countryNumber));
  const reply = (
    agentOffered: boolean,
    wantsAgent = false,
    agentDeclined = state.agentDeclined,
    team?: RequestedTeam,
  ): AssistantReply => ({
    messages,
    state: {
      ...next,
      agentOffered,
      ...(agentDeclined === undefined ? {} : { agentDeclined }),
      ...(team === undefined ? {} : { requestedTeam: team }),
    },
    wantsAgent,
    urgentFraud,
    ...(urgentTravel ? { urgentTravel } : {}),
    ...(team === undefined ? {} : { requestedTeam: team }),
  });

  // A product with its own line is served there, not by this chat's agents.
  if (product !== undefined && productLine !== undefined && !urgentFraud) {
    messages.push(context.knowledge.productLine(product.name, productLine));
    return reply(false);
  }
  if (team === "merchant" || team === "corporate") {
    messages.push(context.knowledge.ownDesk[team]);
    return reply(false, true, false, team);
  }
  if (!urgentFraud && !urgentTravel && saysWillCall(prepared)) {
    messages.push(context.phrases.willCall);
    return reply(false, false, state.agentDeclined);
  }
  // A yes after "no thanks" on a topic only an agent can finish means the customer changed their mind.
  const changedMind = state.agentDeclined === true && topicNeedsAgent(topic, update.details, "");
  const accepted = (state.agentOffered || changedMind) && isAffirmative(text);
  if (team !== undefined || asksForAgent(text) || accepted) {
    const chosenTeam = team ?? (accepted ? state.requestedTeam : undefined);
    messages.push(
      chosenTeam === undefined ? context.phrases.connecting : context.phrases.connectingTo(chosenTeam),
    );
    return reply(false, true, false, chosenTeam);
  }
  if (state.agentOffered && (isNegative(text) || isThanks(text))) {
    messages.push(isThanks(text) ? context.phrases.welcome : context.phrases.declined);
    return reply(false, false, true);
  }

  if (update.unknownCard !== undefined) messages.push(context.phrases.unknownCard(update.unknownCard));
  if (update.newAccommodations.length > 0)
    messages.push(accommodationsLine(context, update.newAccommodations));
  messages.push(...faqAnswers(context));
  // The list of what the assistant can do is only worth giving when nothing else was answered.
  const helpful = topic !== "general" || messages.length === 0;
  if (context.topicChanged && isAnswered(topic) && helpful && !urgentTravel)
    messages.push(context.knowledge.answers[topic]);
  if (isThanks(text) && classified === "general") messages.push(context.phrases.welcome);
  messages.push(...detailLines(context, update.extracted, update.details));

  const extractedSomething = Object.keys(update.extracted).length > 0;
  const offer = shouldOfferAgent(context, update.details, next.turns, extractedSomething);
  if (offer) messages.push(context.phrases.offerAgent);
  if (messages.length === 0) messages.push(context.phrases.notSure, context.knowledge.answers.general);
  return reply(state.agentOffered || offer, false, offer ? false : state.agentDeclined);
}

/** A message about nothing in particular ("yes", "1234") continues the current topic. */
function nextTopic(current: Topic | undefined, classified: Topic): Topic {
  if (classified === "general") return current ?? "general";
  // "hi", then "agent": a chat about nothing yet is now a request for a person.
  if (classified === "agent-request")
    return current === undefined || current === "general" ? classified : current;
  return classified;
}

function isAnswered(topic: Topic): topic is AnsweredTopic {
  return topic !== "fraud" && topic !== "agent-request";
}

function accommodationsLine({ knowledge, phrases }: TurnContext, codes: readonly Accommodation[]): string {
  const names = codes.map((code) => knowledge.accommodationNames[code]);
  return phrases.accommodationsNoted(joinList(names, phrases.and), codes.includes("written-summary"));
}

function faqAnswers({ text, topic, topicChanged, knowledge }: TurnContext): string[] {
  return askedQuestions(text).flatMap((question) => {
    if (question === "availability") return [knowledge.availability];
    if (question === "never-asks-for") return [knowledge.neverAsksFor];
    if (question === "case-number") return [knowledge.caseNumber];
    if (question === "is-ai") return [knowledge.isAi];
    // A new dispute topic already gets the timeline with its answer.
    return topic === "dispute" && !topicChanged ? [knowledge.disputeTimeline] : [];
  });
}

/** Confirms what this message added, then asks only for what is still missing. */
function detailLines(context: TurnContext, extracted: ExtractedDetails, details: ExtractedDetails): string[] {
  if (context.urgentFraud) return [];
  const { phrases, language, topic } = context;
  const lines: string[] = [];
  const missing = missingDetails(topic, details);
  const noted = describeDetails(extracted, language, REQUIRED_DETAILS[topic]);
  if (noted.length > 0) {
    const items = noted.map((line) => `${line.label.toLowerCase()} ${line.value}`);
    lines.push(phrases.noted(joinList(items, phrases.and)));
  }
  if (missing.length > 0) {
    lines.push(
      phrases.askFor(
        joinList(
          missing.map((field) => phrases.detailRequests[field]),
          phrases.and,
        ),
      ),
    );
  }
  return lines;
}

function shouldOfferAgent(
  context: TurnContext,
  details: ExtractedDetails,
  turns: number,
  extractedSomething: boolean,
): boolean {
  const { state, topic, topicChanged, urgentFraud, urgentTravel, text } = context;
  if (urgentFraud || urgentTravel) return true;
  if (topicNeedsAgent(topic, details, text)) return state.agentDeclined !== true || topicChanged;
  // Only a turn that got nowhere counts: no new topic, no new detail, no common question answered.
  const progressed = topicChanged || extractedSomething || askedQuestions(text).length > 0 || isThanks(text);
  const stuck = turns >= OFFER_AGENT_AFTER_TURNS && !progressed;
  return stuck && !state.agentOffered && state.agentDeclined !== true;
}
