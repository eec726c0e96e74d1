import type { RoutingConfig, RoutingQueue } from "./routing-schema.ts";
import type { RoutingDecision, RoutingRequest, Selector } from "./types.ts";

// Customers and identity providers both write "UK" for the United Kingdom.
const COUNTRY_ALIASES: Readonly<Record<string, string>> = { UK: "GB" };

/** What a queue must match. An `undefined` segment matches any; an `undefined` topic only general queues. */
interface Criteria {
  readonly country: string;
  readonly language: string;
  readonly segment: string | undefined;
  readonly topic: string | undefined;
}

interface Attempt {
  readonly criteria: Criteria;
  /** What was given up to get to this attempt, for the decision's reason. */
  readonly notes: readonly string[];
}

/** "gb", " uk " → "GB". */
export function normalizeCountry(country: unknown): string {
  const code = typeof country === "string" ? country.trim().toUpperCase() : "";
  return COUNTRY_ALIASES[code] ?? code;
}

/** "es-MX", "ES" → "es". */
export function normalizeLanguage(language: unknown): string {
  const tag = typeof language === "string" ? language.trim().toLowerCase() : "";
  return tag.split(/[-_]/)[0] ?? "";
}

/**
 * Picks the queue for a chat. A queue matches when its countries, languages, segments and topics all
 * cover the request (`"*"` covers everything); supervisor queues take escalations only. Of the matching
 * queues the most specific wins — an explicit topic weighs most, then country, segment and language —
 * and among equals the one declared first.
 *
 * When nothing matches, the request is relaxed step by step, never failing:
 * 1. drop the topic: only general queues (topics `"*"`) qualify, since a topic queue's agents are
 *    specialists of that topic;
 * 2. drop the segment: any segment's general queue qualifies, the ones open to every segment first — a
 *    customer is better served by another segment's agents in their own language than by nobody;
 * 3. the same again in English for the customer's country, English being every desk's common language;
 * 4. the configuration's `defaultQueueId`.
 * A request without a topic starts at step 1, so it is reported as a fallback too.
 */
export function routeChat(config: RoutingConfig, request: RoutingRequest): RoutingDecision {
  const givenTopic: unknown = request.topic;
  const topic = typeof givenTopic === "string" && givenTopic !== "" ? givenTopic : undefined;
  const boost = config.priorityRules
    .filter((rule) => rule.topic === topic)
    .reduce((sum, rule) => sum + rule.boost, 0);
  const priorityIn = (queueId: string) =>
    (config.queues.find((queue) => queue.id === queueId)?.basePriority ?? 0) + boost;

  if (request.escalation === true) {
    const queueId = config.supervisorQueueId;
    return { queueId, priority: priorityIn(queueId), reason: `escalated to ${queueId}`, fellBack: false };
  }

  const country = normalizeCountry(request.country);
  const language = normalizeLanguage(request.language);
  const segment = typeof request.segment === "string" ? request.segment.trim().toLowerCase() : "";
  const asked = `${country || "no country"} / ${language || "no language"} / ${segment || "no segment"} / ${topic ?? "no topic"}`;

  for (const [index, attempt] of attempts(country, language, segment, topic).entries()) {
    const queue = bestMatch(config.queues, attempt.criteria);
    if (!queue) continue;
    const fellBack = index > 0 || topic === undefined;
    const reason = fellBack
      ? `fell back to ${queue.id} for ${asked}: ${attempt.notes.join("; ")}`
      : `matched ${queue.id} for ${asked}`;
    return { queueId: queue.id, priority: priorityIn(queue.id), reason, fellBack };
  }

  const queueId = config.defaultQueueId;
  const languages = language === "en" ? "English" : `"${language}" or English`;
  return {
    queueId,
    priority: priorityIn(queueId),
    reason: `fell back to the default queue ${queueId} for ${asked}: no queue for country "${country}" in ${languages}`,
    fellBack: true,
  };
}

function attempts(country: string, language: string, segment: string, topic: string | undefined): Attempt[] {
  const list: Attempt[] = [];
  for (const tried of language === "en" ? ["en"] : [language, "en"]) {
    const inEnglish =
      tried === language ? [] : [`no queue in "${language}" for ${country || "no country"}, so English`];
    if (topic !== undefined)
      list.push({ criteria: { country, language: tried, segment, topic }, notes: inEnglish });
    const withoutTopic = [
      ...inEnglish,
      topic === undefined ? "no topic given" : `no queue for topic "${topic}"`,
    ];
    list.push({ criteria: { country, language: tried, segment, topic: undefined }, notes: withoutTopic });
    list.push({
      criteria: { country, language: tried, segment: undefined, topic: undefined },
      notes: [...withoutTopic, `no general queue for segment "${segment}"`],
    });
  }
  return list;
}

function bestMatch(queues: readonly RoutingQueue[], criteria: Criteria): RoutingQueue | undefined {
  let best: RoutingQueue | undefined;
  let bestScore = -1;
  for (const queue of queues) {
    const score = specificity(queue, criteria);
    // Strictly greater, so the first declared wins a tie.
    if (score !== undefined && score > bestScore) {
      best = queue;
      bestScore = score;
    }
  }
  return best;
}

/** undefined when the queue does not match; otherwise higher for a more specific queue. */
function specificity(queue: RoutingQueue, criteria: Criteria): number | undefined {
  if (queue.kind !== "standard") return undefined;
  if (!covers(queue.countries, criteria.country) || !covers(queue.languages, criteria.language))
    return undefined;
  if (criteria.segment !== undefined && !covers(queue.segments, criteria.segment)) return undefined;
  if (criteria.topic === undefined ? queue.topics !== "*" : !covers(queue.topics, criteria.topic))
    return undefined;
  const explicitSegment = queue.segments !== "*";
  return (
    (queue.topics !== "*" ? 8 : 0) +
    (queue.countries !== "*" ? 4 : 0) +
    // With the segment dropped, a queue open to every segment is the more fitting one.
    ((criteria.segment === undefined ? !explicitSegment : explicitSegment) ? 2 : 0) +
    (queue.languages !== "*" ? 1 : 0)
  );
}

function covers(selector: Selector<string>, value: string): boolean {
  return selector === "*" || selector.includes(value);
}
