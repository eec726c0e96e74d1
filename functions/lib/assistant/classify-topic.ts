import { normalizeText, wordsOf } from "./normalize-text.ts";
import type { Language, Topic, TopicClassification } from "./types.ts";

type WeightedPattern = readonly [pattern: RegExp, weight: number];

/**
 * Ties are resolved in this order. Fraud comes first because it is the only time-critical topic: a
 * customer whose card is being used right now must be told to call at once. Disputes come before card
 * services because "a charge I didn't authorize" on a stolen card is still a dispute about that charge.
 * A complaint about any other topic is logged as a complaint. Asking for an agent is never a topic of its
 * own when the customer also said what the chat is about (see `asksForAgent`).
 */
export const TOPIC_PRIORITY: readonly Topic[] = [
  "fraud",
  "dispute",
  "card-services",
  "complaint",
  "billing",
  "credit",
  "account-changes",
  "rewards",
  "travel",
  "agent-request",
];

// Charges or card use together with "now": "unauthorized charges happening now" is fraud, while
// "a charge I didn't authorize" on last month's statement is a dispute.
const USE = "(?:charges?|transactions?|authori[sz]ations?|purchases?|cargos?|compras?|transacciones)";
const NOW =
  "(?:happening|going on|right now|as we speak|ahora mismo|en este momento|esta pasando|estan pasando)";

// Patterns run against `normalizeText` output: lower case, no accents, straight apostrophes.
const PATTERNS: Record<Exclude<Topic, "general">, readonly WeightedPattern[]> = {
  fraud: [
    [/\bfraud(?:ulent)?\b|\bfraude\b|\bidentity theft\b|\brobo de identidad\b|\bsuplantacion\b/, 2],
    [
      /\b(?:someone|somebody|they|people)(?:'s|'re| is| are| else is| keeps?)? using my (?:card|account)\b/,
      4,
    ],
    [/\b(?:alguien|estan|otra persona) (?:esta |estan )?(?:usando|usa) mi tarjeta\b/, 4],
    [
      /\b(?:someone|somebody|they|alguien|estan)\b.{0,40}\b(?:right now|as we speak|ahora mismo|en este momento)\b/,
      2,
    ],
    [new RegExp(`\\b${USE}\\b.{0,60}\\b${NOW}`), 3],
    [new RegExp(`\\b${NOW}\\b.{0,60}\\b${USE}\\b`), 3],
    [/\b(?:hacked|compromised|skimmed|clonada|hackeada)\b/, 2],
    [/\bsuspicious (?:activity|charges?|transactions?)\b|\bactividad sospechosa\b|\bfraud alert\b/, 2],
  ],
  dispute: [
    [/\bdisput(?:e|es|ed|ing)\b|\bdisputa[r]?\b|\bimpugnar\b|\breclamar (?:un|el|este|ese) cargo\b/, 3],
    [/\b(?:don't|do not|didn't|did not|dont|didnt) recogni[sz]e\b|\bno reconozco\b/, 3],
    [
      /\b(?:didn't|did not|didnt|never) authori[sz]e\b|\bunauthori[sz]ed\b|\bno autorice\b|\bno autorizados?\b/,
      2,
    ],
    [
      /\bduplicate\b|\bcharged (?:me )?twice\b|\bdouble charged?\b|\b(?:cargo|cobro) duplicado\b|\bcobraron dos veces\b/,
      3,
    ],
    [
      /\b(?:never|didn't|did not|haven't|have not) (?:received|receive|get|got|arrived)\b|\bno (?:recibi|llego)\b/,
      2,
    ],
    [
      /\b(?:wrong|incorrect) (?:charge|amount)\b|\bcargo (?:incorrecto|equivocado)\b|\brefund\b|\breembolso\b/,
      2,
    ],
    [/\bcharges?\b|\bcargo\b/, 1],
  ],
  "card-services": [
    [
      /\b(?:lost|stolen|misplaced|damaged|broken|cracked|can't find)\b.{0,20}\bcard\b|\bcard\b.{0,20}\b(?:lost|stolen|damaged|broken)\b/,
      3,
    ],
    [/\b(?:lost|stolen|damaged)\b/, 2],
    [
      /\btarjeta (?:perdida|robada|danada|rota|extraviada)\b|\b(?:perdi|extravie) (?:mi|la) tarjeta\b|\bme robaron\b/,
      3,
    ],
    [/\b(?:lock|unlock|freeze|unfreeze|block)\b|\b(?:des)?bloquear\b|\bbloqueo\b|\bcongelar\b/, 2],
    [/\breplace(?:ment)?\b|\bnew card\b|\breemplaz(?:o|ar)\b|\breposicion\b|\bnueva tarjeta\b/, 2],
    [/\b(?:never|didn't|did not|haven't) (?:received|get|got) (?:my |the )?(?:new |replacement )?card\b/, 3],
    [/\bdigital wallet\b|\bapple pay\b|\bgoogle pay\b|\bbilletera digital\b|\bcartera digital\b/, 3],
    [/\bcard (?:isn't|is not|doesn't|does not|won't) work|\bdeclined\b|\brechazada\b/, 2],
  ],
  complaint: [
    [/\bformal complaint\b|\bqueja formal\b/, 4],
    [/\bcomplain(?:t|ts|ing)?\b|\bqueja(?:s|rme)?\b|\breclamo\b|\breclamacion\b/, 3],
    [/\b(?:terrible|bad|awful|poor) service\b|\bunhappy\b|\bdissatisfied\b|\b(?:mal|pesimo) servicio\b/, 2],
  ],
  billing: [
    [/\bdue date\b|\bpayment date\b|\blate (?:fee|charge|payment)\b|\bgoodwill\b|\bminimum payment\b/, 3],
    [/\bfecha (?:de )?(?:vencimiento|pago|corte)\b|\b(?:cargo|recargo) por (?:mora|pago tardio|atraso)\b/, 3],
    [/\bpayments?\b|\bpay (?:my|the) (?:bill|balance)\b|\bautopay\b|\bpagos?\b|\bpagar\b/, 2],
    [/\bbalance\b|\bstatement\b|\bbill\b|\bfees?\b|\bsaldo\b|\bestado de cuenta\b|\bcomision\b/, 1],
  ],
  credit: [
    [/\bcredit (?:limit|line)\b|\blimit increase\b|\bincrease (?:my )?limit\b|\bapr\b|\binterest rate\b/, 3],
    [
      /\b(?:upgrade|downgrade)\b|\blimite de credito\b|\b(?:aumento|aumentar|subir) (?:de |mi |el )?limite\b/,
      3,
    ],
    [/\btasa de interes\b|\bmejorar (?:mi )?tarjeta\b|\bcambio de producto\b/, 3],
    [/\bcredit (?:review|score)\b|\bhistorial de credito\b/, 2],
  ],
  "account-changes": [
    [
      /\bauthori[sz]ed users?\b|\b(?:add|remove) (?:an? |my )?(?:\w+ )?users?\b|\busuarios? (?:autorizados?|adicional(?:es)?)\b/,
      3,
    ],
    [/\b(?:change|update|confirm) (?:my |the )?(?:mailing )?(?:address|phone|email|contact|name)\b/, 3],
    [
      /\bcontact (?:info|information|details)\b|\bmailing address\b|\bcommunication preferences\b|\bpaperless\b/,
      3,
    ],
    [/\b(?:cambiar|actualizar) (?:mi |la |el |los )?(?:direccion|domicilio|telefono|correo|datos)\b/, 3],
    [/\bdatos de contacto\b|\btarjeta adicional\b/, 3],
    [/\baddress\b|\bphone number\b|\bdireccion\b|\bdomicilio\b/, 2],
    [/\bemail\b|\bcorreo electronico\b|\btelefono\b/, 1],
  ],
  rewards: [
    [/\bmembership rewards\b|\bpay with points\b|\blounges?\b|\bstatement credits?\b/, 3],
    [/\bsalas? vip\b|\bsalon vip\b|\bcredito en (?:el |su |mi )?estado de cuenta\b/, 3],
    [
      /\bpoints\b|\brewards?\b|\bredeem(?:ing)?\b|\bredemption\b|\bcash ?back\b|\bpuntos\b|\brecompensas?\b|\bcanjear\b/,
      2,
    ],
    [/\bbenefits?\b|\bmiles\b|\bbeneficios?\b|\bmillas\b/, 1],
  ],
  travel: [
    [
      /\bitinerar(?:y|ies)\b|\btrip (?:protection|insurance|delay|cancellation)\b|\btravel desk\b|\bitinerario\b/,
      3,
    ],
    [/\b(?:proteccion|seguro) de viaje\b/, 3],
    [
      /\btravel(?:ing|ling)?\b|\btrips?\b|\bbookings?\b|\bbooked\b|\breservations?\b|\bflights?\b|\bairlines?\b/,
      2,
    ],
    [/\bhotels?\b|\breissue\b|\bviajes?\b|\bviajar\b|\breserva(?:cion)?s?\b|\bvuelos?\b|\baerolineas?\b/, 2],
  ],
  "agent-request": [
    [
      /\blive (?:agent|person|chat)\b|\b(?:real|actual) (?:person|human)\b|\bhumans?\b|\brepresentatives?\b/,
      3,
    ],
    [/\b(?:talk|speak|chat) (?:to|with) (?:a |an |someone|somebody|person|people)/, 3],
    [/(?<!travel )\bagents?\b|\bsupervisor\b|\bmanager\b|\bescalate\b|\boperator\b/, 3],
    [/\bagentes?\b|\brepresentantes?\b|\bhumanos?\b|\basesor(?:es|a)?\b|\boperador(?:a)?\b/, 3],
    [/\b(?:con|una|un) persona\b|\bpersona real\b|\bhablar con alguien\b/, 3],
  ],
};

function scoresFor(normalized: string): Map<Topic, number> {
  const scores = new Map<Topic, number>();
  for (const topic of TOPIC_PRIORITY) {
    const patterns = PATTERNS[topic as Exclude<Topic, "general">];
    const score = patterns.reduce(
      (sum, [pattern, weight]) => sum + (pattern.test(normalized) ? weight : 0),
      0,
    );
    if (score > 0) scores.set(topic, score);
  }
  return scores;
}

/** A score this high means at least one strong phrase plus a supporting word. */
const FULL_CONFIDENCE_SCORE = 4;

export function classifyTopic(text: string): TopicClassification {
  const scores = scoresFor(normalizeText(text));
  const substantive = [...scores.keys()].filter((topic) => topic !== "agent-request");
  const candidates = substantive.length > 0 ? substantive : [...scores.keys()];
  let best: Topic | undefined;
  for (const topic of TOPIC_PRIORITY) {
    if (!candidates.includes(topic)) continue;
    if (best === undefined || (scores.get(topic) ?? 0) > (scores.get(best) ?? 0)) best = topic;
  }
  if (best === undefined) return { topic: "general", confidence: 0 };
  const top = scores.get(best) ?? 0;
  const total = candidates.reduce((sum, topic) => sum + (scores.get(topic) ?? 0), 0);
  const confidence = Math.min(1, top / FULL_CONFIDENCE_SCORE) * (top / total);
  return { topic: best, confidence: Math.round(confidence * 100) / 100 };
}

/** True when the customer asks for a person, in any language, whatever else the message is about. */
export function asksForAgent(text: string): boolean {
  const normalized = normalizeText(text);
  return PATTERNS["agent-request"].some(([pattern]) => pattern.test(normalized));
}

const SPANISH_WORDS = new Set(
  (
    "hola gracias quiero necesito tarjeta cargo cargos pago mi mis el la los las de del que por para con una " +
    "es esta estoy puedo ayuda cuenta favor usted se lo y en al como cuando donde hablar agente persona " +
    "representante queja reclamo fraude puntos viaje tengo hay pero muy buenos buenas dias tardes noches"
  ).split(" "),
);
const ENGLISH_WORDS = new Set(
  (
    "the i my is to and of for on it you with this that have can please card charge charges want need " +
    "hello hi thanks thank was what how do did am are in at from be would like talk speak agent person " +
    "help payment yes not don't didn't there good morning evening"
  ).split(" "),
);

/** Simple Spanish-or-English heuristic; with no evidence either way it keeps `fallback`. */
export function detectLanguage(text: string, fallback: Language = "en"): Language {
  const words = wordsOf(text);
  let spanish = /[ñ¿¡áéíóú]/i.test(text) ? 2 : 0;
  let english = 0;
  for (const word of words) {
    if (SPANISH_WORDS.has(word)) spanish += 1;
    if (ENGLISH_WORDS.has(word)) english += 1;
  }
  if (spanish > english) return "es";
  if (english > spanish) return "en";
  return fallback;
}

export { languageFromLocale } from "../language/languages.ts";
