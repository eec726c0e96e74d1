import type {
  OpeningRangeInput,
  QueueHoursInput,
  RoutingConfigInput,
} from "../../functions/lib/routing/routing-schema.ts";
import type { Day } from "../../functions/lib/routing/types.ts";

/**
 * The routing configuration carechat ships with. Deployers copy and edit it; `parseRoutingConfig`
 * checks every change (test/unit/infra/routing/default-routing.test.ts runs it on this one).
 *
 * - United States: staffed 24/7 (the issuer's chat guide: "our office hours never end"), English and
 *   Spanish, consumer and small-business, with English specialist queues per topic. Every US queue is
 *   24/7, so a US customer is never turned away at the door of a closed specialist queue.
 * - GB, MX, JP and CA: one general desk per language with local hours; JP has a Japanese and an English desk.
 * - US corporate programmes, merchants and prepaid cards: a desk each, for their segment.
 * - supervisors: reached only by escalation.
 *
 * Overflow rule: a chat overflows only to a queue that serves the same customers in a language they
 * wrote in (the schema rejects an overflow whose target lacks a language of its source). So topic
 * specialists overflow to the general queue of their country and language, US small-business desks
 * to the consumer desk of the same language (general care agents can help any cardmember), and the
 * general desks themselves do not overflow: there is no wider pool in their language and country —
 * Spanish must not spill into English, nor a Mexican account into the US desk that cannot service it.
 */

const WEEKDAYS: readonly Day[] = ["mon", "tue", "wed", "thu", "fri"];

const US_24_7: QueueHoursInput = { timeZone: "America/New_York", schedule: "24/7" };

/** Topic specialists wait this long for an agent before the general queue takes the chat. */
const SPECIALIST_WAIT_SECONDS = 300;

export const defaultRouting = {
  version: "carechat-default-1",
  defaultQueueId: "us-consumer-en",
  supervisorQueueId: "supervisors",
  queues: [
    {
      id: "us-consumer-en",
      name: "US consumer care (English)",
      kind: "standard",
      countries: ["US"],
      languages: ["en"],
      segments: ["consumer"],
      topics: "*",
      hours: US_24_7,
    },
    {
      id: "us-consumer-es",
      name: "Atención a clientes particulares en EE. UU. (español)",
      kind: "standard",
      countries: ["US"],
      languages: ["es"],
      segments: ["consumer"],
      topics: "*",
      hours: US_24_7,
    },
    {
      id: "us-small-business-en",
      name: "US small business care (English)",
      kind: "standard",
      countries: ["US"],
      languages: ["en"],
      segments: ["small-business"],
      topics: "*",
      hours: US_24_7,
      overflow: { queueId: "us-consumer-en", afterSeconds: 180 },
    },
    {
      id: "us-small-business-es",
      name: "Atención a pequeñas empresas en EE. UU. (español)",
      kind: "standard",
      countries: ["US"],
      languages: ["es"],
      segments: ["small-business"],
      topics: "*",
      hours: US_24_7,
      overflow: { queueId: "us-consumer-es", afterSeconds: 180 },
    },
    {
      id: "us-fraud-en",
      name: "US fraud protection (English)",
      kind: "standard",
      countries: ["US"],
      languages: ["en"],
      segments: ["consumer", "small-business"],
      topics: ["fraud"],
      hours: US_24_7,
      // Fraud cannot wait: the general queue takes it after one minute, and offers expire sooner.
      overflow: { queueId: "us-consumer-en", afterSeconds: 60 },
      offerTimeoutSeconds: 20,
    },
    {
      id: "us-disputes-en",
      name: "US disputes (English)",
      kind: "standard",
      countries: ["US"],
      languages: ["en"],
      segments: ["consumer", "small-business"],
      topics: ["dispute"],
      hours: US_24_7,
      overflow: { queueId: "us-consumer-en", afterSeconds: SPECIALIST_WAIT_SECONDS },
    },
    {
      id: "us-card-services-en",
      name: "US card services (English)",
      kind: "standard",
      countries: ["US"],
      languages: ["en"],
      segments: ["consumer", "small-business"],
      topics: ["card-services"],
      hours: US_24_7,
      overflow: { queueId: "us-consumer-en", afterSeconds: SPECIALIST_WAIT_SECONDS },
    },
    {
      id: "us-rewards-en",
      name: "US Membership Rewards (English)",
      kind: "standard",
      countries: ["US"],
      languages: ["en"],
      segments: ["consumer", "small-business"],
      topics: ["rewards"],
      hours: US_24_7,
      overflow: { queueId: "us-consumer-en", afterSeconds: SPECIALIST_WAIT_SECONDS },
    },
    {
      id: "us-credit-en",
      name: "US credit and account reviews (English)",
      kind: "standard",
      countries: ["US"],
      languages: ["en"],
      segments: ["consumer", "small-business"],
      topics: ["credit"],
      hours: US_24_7,
      overflow: { queueId: "us-consumer-en", afterSeconds: SPECIALIST_WAIT_SECONDS },
    },
    {
      id: "us-travel-en",
      name: "US travel support (English)",
      kind: "standard",
      countries: ["US"],
      languages: ["en"],
      segments: ["consumer", "small-business"],
      topics: ["travel"],
      hours: US_24_7,
      overflow: { queueId: "us-consumer-en", afterSeconds: SPECIALIST_WAIT_SECONDS },
    },
    // The guide: merchants and corporate card programme administrators "have separate chat and phone
    // queues optimized for business needs". Corporate cardmembers and their programme administrators
    // share the corporate desk; merchants are reached by the "merchant" segment (see requestForTeam).
    // Neither overflows: consumer agents cannot service a corporate programme or a merchant account.
    {
      id: "us-corporate",
      name: "US corporate card programmes",
      kind: "standard",
      countries: ["US"],
      languages: ["en", "es"],
      segments: ["corporate"],
      topics: "*",
      hours: US_24_7,
    },
    {
      id: "us-merchant",
      name: "US merchant services",
      kind: "standard",
      countries: ["US"],
      languages: ["en", "es"],
      segments: ["merchant"],
      topics: "*",
      hours: US_24_7,
    },
    // Prepaid cardmembers (Serve, Bluebird, Target Prepaid REDcard, gift cards) chat with a prepaid
    // desk; their products' own phone lines are in `products` below.
    {
      id: "us-prepaid",
      name: "US prepaid cards",
      kind: "standard",
      countries: ["US"],
      languages: ["en", "es"],
      segments: ["prepaid"],
      topics: "*",
      hours: US_24_7,
    },
    {
      id: "gb-general-en",
      name: "UK customer care",
      kind: "standard",
      countries: ["GB"],
      languages: ["en"],
      segments: "*",
      topics: "*",
      hours: {
        timeZone: "Europe/London",
        schedule: daily(["mon", "tue", "wed", "thu", "fri", "sat"], "08:00", "20:00"),
      },
    },
    {
      id: "mx-general-es",
      name: "Atención a clientes en México",
      kind: "standard",
      countries: ["MX"],
      languages: ["es"],
      segments: "*",
      topics: "*",
      hours: {
        timeZone: "America/Mexico_City",
        schedule: daily(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "07:00", "22:00"),
      },
    },
    {
      id: "jp-general-ja",
      name: "カスタマーサービス（日本語）",
      kind: "standard",
      countries: ["JP"],
      languages: ["ja"],
      segments: "*",
      topics: "*",
      hours: { timeZone: "Asia/Tokyo", schedule: daily(WEEKDAYS, "09:00", "18:00") },
    },
    {
      id: "jp-general-en",
      name: "Japan customer care (English)",
      kind: "standard",
      countries: ["JP"],
      languages: ["en"],
      segments: "*",
      topics: "*",
      hours: { timeZone: "Asia/Tokyo", schedule: daily(WEEKDAYS, "09:00", "18:00") },
    },
    {
      id: "ca-general-en",
      name: "Canada customer care (English)",
      kind: "standard",
      countries: ["CA"],
      languages: ["en"],
      segments: "*",
      topics: "*",
      hours: {
        timeZone: "America/Toronto",
        schedule: { ...daily(WEEKDAYS, "08:00", "22:00"), ...daily(["sat", "sun"], "09:00", "17:00") },
      },
    },
    {
      id: "supervisors",
      name: "Supervisors",
      kind: "supervisor",
      countries: "*",
      languages: ["en", "es", "ja"],
      segments: "*",
      topics: "*",
      hours: US_24_7,
    },
  ],
  priorityRules: [
    // Fraud first: charges may be happening while the customer waits.
    { topic: "fraud", boost: 100 },
    // A lost or stolen card leaves the customer without a way to pay.
    { topic: "card-services", boost: 20 },
    { topic: "dispute", boost: 10 },
    { topic: "complaint", boost: 10 },
  ],
  contactNumbers: {
    // US General Customer Service (personal cards), from the issuer's chat guide.
    US: "1-800-528-4800",
    // FICTIONAL placeholder (Ofcom's range reserved for drama): replace with the real UK number before going live.
    GB: "0808 157 0192",
    // FICTIONAL placeholder (North American 555-01xx fictional range): replace with the real Canadian number.
    CA: "1-416-555-0142",
    // FICTIONAL placeholder: replace with the real Mexican number before going live.
    MX: "800 000 0142",
    // FICTIONAL placeholder: replace with the real Japanese number before going live.
    JP: "0120-000-142",
  },
  defaultContactNumber: "the number on the back of your card",
  defaultContactNumberByLanguage: { es: "el número que aparece al reverso de su tarjeta" },
  // Products with phone lines of their own; the numbers are the issuer's guide's ("If you have a
  // complaint regarding Serve ... call 1-800-954-0559. If you have a complaint regarding Bluebird,
  // Target Prepaid REDcard, or Gift Card, call us at 1-877-297-4438"). The guide gives them for the US
  // only and gives no number for merchants or corporate programmes (they use the contact options in
  // their merchant portal or corporate dashboard), so none is configured for them.
  products: [
    {
      id: "serve",
      name: "American Express Serve",
      names: [
        "American Express Serve",
        "Amex Serve",
        "Serve card",
        "Serve account",
        "Serve app",
        "my Serve",
        "about Serve",
        "regarding Serve",
        "at Serve",
        "sobre Serve",
        "tarjeta Serve",
        "cuenta Serve",
        "mi Serve",
      ],
      segment: "prepaid",
      contactNumbers: { US: "1-800-954-0559" },
    },
    {
      id: "bluebird",
      name: "Bluebird",
      names: ["Bluebird", "Blue Bird"],
      segment: "prepaid",
      contactNumbers: { US: "1-877-297-4438" },
    },
    {
      id: "target-prepaid",
      name: "Target Prepaid REDcard",
      names: ["Target Prepaid REDcard", "Target Prepaid", "prepaid REDcard", "Target REDcard prepaid"],
      segment: "prepaid",
      contactNumbers: { US: "1-877-297-4438" },
    },
    {
      id: "gift-card",
      name: "American Express Gift Card",
      names: ["gift card", "gift cards", "giftcard", "giftcards", "tarjeta de regalo", "tarjetas de regalo"],
      segment: "prepaid",
      contactNumbers: { US: "1-877-297-4438" },
    },
  ],
} satisfies RoutingConfigInput;

/** The same opening, `open` to `close` local time, on each of `days`. */
function daily(days: readonly Day[], open: string, close: string): Partial<Record<Day, OpeningRangeInput[]>> {
  return Object.fromEntries(days.map((day) => [day, [{ open, close }]]));
}
