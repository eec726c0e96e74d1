export {
  missingDetails,
  OFFER_AGENT_AFTER_TURNS,
  REQUIRED_DETAILS,
  topicNeedsAgent,
} from "./agent-policy.ts";
export {
  asksForAgent,
  classifyTopic,
  detectLanguage,
  languageFromLocale,
  TOPIC_PRIORITY,
} from "./classify-topic.ts";
export {
  extractAccommodations,
  extractAmount,
  extractCardLast4,
  extractDate,
  extractDetails,
  mergeDetails,
} from "./extract-details.ts";
export { bareMerchantAnswer, extractMerchant } from "./extract-merchant.ts";
export { askedQuestions, type FaqQuestion } from "./faq.ts";
export { type DetailLine, describeDetails, formatAmount } from "./format-details.ts";
export { type AnsweredTopic, type Knowledge, knowledgeFor } from "./knowledge.ts";
export { type Phrases, phrasesFor } from "./phrases.ts";
export { RuleBasedAssistant } from "./rule-based-assistant.ts";
export type {
  Accommodation,
  AssistantReply,
  AssistantState,
  AssistantTurn,
  ChatRole,
  ChatSummaryInput,
  ContactDirectory,
  Currency,
  CustomerProfile,
  DetailField,
  ExtractedDetails,
  Language,
  Topic,
  TopicClassification,
  VirtualAssistant,
} from "./types.ts";
export { writeChatSummary } from "./write-summary.ts";
