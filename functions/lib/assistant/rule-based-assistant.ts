import {
  missingDetails,
  OFFER_AGENT_AFTER_TURNS,
  REQUIRED_DETAILS,
  topicNeedsAgent,
} from "./agent-policy.ts";
import { asksForAgent, classifyTopic, detectLanguage, languageFromLocale } from "./classify-topic.ts";
import { extractDetails, mergeDetails } from "./extract-details.ts";
import { bareMerchantAnswer } from "./extract-merchant.ts";
import { askedQuestions } from "./faq.ts";
import { describeDetails } from "./format-details.ts";
import { type AnsweredTopic, type Knowledge, knowledgeFor } from "./knowledge.ts";
import { firstName, joinList } from "./normalize-text.ts";
import { type Phrases, phrasesFor } from "./phrases.ts";
import { isAffirmative, isNegative, isThanks } from "./short-replies.ts";
import type {
  Accommodation,
  AssistantReply,
  AssistantState,
  AssistantTurn,
  ContactDirectory,
  CustomerProfile,
  ExtractedDetails,
  Language,
  Topic,
  VirtualAssistant,
} from "./types.ts";

/**
 * The deterministic virtual assistant: keyword classification, pattern extraction and fixed answers.
 * It never acts on an account; it answers the common question, collects what an agent needs and
 * offers a live agent when a person has to finish the job.
 */
export class RuleBasedAssistant implements VirtualAssistant {
  /** `contacts`: where the fraud-now number comes from; without one, "the number on the back of your card". */
  constructor(private readonly contacts: ContactDirectory = NO_CONTACTS) {}

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
    return Promise.resolve(respond(turn, this.contacts));
  }
}

interface TurnContext {
  readonly text: string;
  readonly state: AssistantState;
  readonly topic: Topic;
  readonly topicChanged: boolean;
  readonly urgentFraud: boolean;
  readonly knowledge: Knowledge;
  readonly phrases: Phrases;
  readonly language: Language;
}

function respond(
  { text, language: chosen, profile, state }: AssistantTurn,
  contacts: ContactDirectory,
): AssistantReply {
  const language = chosen ?? detectLanguage(text, state.language);
  const classified = classifyTopic(text).topic;
  const topic = nextTopic(state.topic, classified);
  const update = updateDetails(text, profile, state, topic, classified);
  const context: TurnContext = {
    text,
    state,
    topic,
    topicChanged: topic !== state.topic,
    urgentFraud: classified === "fraud",
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
  const messages = context.urgentFraud ? [context.knowledge.fraudNow(contacts.known(profile.country))] : [];
  const reply = (
    agentOffered: boolean,
    wantsAgent = false,
    agentDeclined = state.agentDeclined,
  ): AssistantReply => ({
    messages,
    state: { ...next, agentOffered, ...(agentDeclined === undefined ? {} : { agentDeclined }) },
    wantsAgent,
    urgentFraud: context.urgentFraud,
  });

  // A yes after "no thanks" on a topic only an agent can finish means the customer changed their mind.
  const changedMind = state.agentDeclined === true && topicNeedsAgent(topic, update.details, "");
  if (asksForAgent(text) || ((state.agentOffered || changedMind) && isAffirmative(text))) {
    messages.push(context.phrases.connecting);
    return reply(false, true, false);
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
  if (context.topicChanged && isAnswered(topic) && helpful) messages.push(context.knowledge.answers[topic]);
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
  if (classified === "agent-request") return current ?? "agent-request";
  return classified;
}

function isAnswered(topic: Topic): topic is AnsweredTopic {
  return topic !== "fraud" && topic !== "agent-request";
}

function soleAccount(profile: CustomerProfile): string | undefined {
  return profile.accounts.length === 1 ? profile.accounts[0]?.last4 : undefined;
}

interface DetailsUpdate {
  readonly details: ExtractedDetails;
  /** What this message itself told us, to confirm back to the customer. */
  readonly extracted: ExtractedDetails;
  readonly unknownCard?: string;
  readonly newAccommodations: Accommodation[];
}

function updateDetails(
  text: string,
  profile: CustomerProfile,
  state: AssistantState,
  topic: Topic,
  classified: Topic,
): DetailsUpdate {
  const extracted = extractDetails(text);
  let unknownCard: string | undefined;
  const last4 = extracted.cardLast4;
  if (
    last4 !== undefined &&
    profile.accounts.length > 0 &&
    !profile.accounts.some((a) => a.last4 === last4)
  ) {
    unknownCard = last4;
    delete extracted.cardLast4;
  }
  // The assistant asked for the merchant last turn, so a message that is only a name answers it.
  const askedForMerchant = state.topic === "dispute" && state.details.merchant === undefined;
  if (
    extracted.merchant === undefined &&
    topic === "dispute" &&
    askedForMerchant &&
    classified === "general" &&
    !isAffirmative(text) &&
    !isNegative(text) &&
    !isThanks(text)
  ) {
    const merchant = bareMerchantAnswer(text);
    if (merchant !== undefined) extracted.merchant = merchant;
  }
  const details = mergeDetails(state.details, extracted);
  const sole = soleAccount(profile);
  if (details.cardLast4 === undefined && sole !== undefined) details.cardLast4 = sole;
  const known = state.details.accommodations ?? [];
  const newAccommodations = (extracted.accommodations ?? []).filter((code) => !known.includes(code));
  return { details, extracted, ...(unknownCard === undefined ? {} : { unknownCard }), newAccommodations };
}

function accommodationsLine({ knowledge, phrases }: TurnContext, codes: readonly Accommodation[]): string {
  const names = codes.map((code) => knowledge.accommodationNames[code]);
  return phrases.accommodationsNoted(joinList(names, phrases.and), codes.includes("written-summary"));
}

function faqAnswers({ text, topic, topicChanged, knowledge }: TurnContext): string[] {
  return askedQuestions(text).flatMap((question) => {
    if (question === "availability") return [knowledge.availability];
    if (question === "never-asks-for") return [knowledge.neverAsksFor];
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
  const { state, topic, topicChanged, urgentFraud, text } = context;
  if (urgentFraud) return true;
  if (topicNeedsAgent(topic, details, text)) return state.agentDeclined !== true || topicChanged;
  // Only a turn that got nowhere counts: no new topic, no new detail, no common question answered.
  const progressed = topicChanged || extractedSomething || askedQuestions(text).length > 0 || isThanks(text);
  const stuck = turns >= OFFER_AGENT_AFTER_TURNS && !progressed;
  return stuck && !state.agentOffered && state.agentDeclined !== true;
}

const NO_CONTACTS: ContactDirectory = { known: () => undefined };
