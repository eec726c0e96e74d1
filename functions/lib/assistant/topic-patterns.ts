import type { Topic } from "./types.ts";

export type WeightedPattern = readonly [pattern: RegExp, weight: number];

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

// Fraud is use of the card that goes on while the customer writes: charges together with "now",
// "keep coming", "pending". A charge "I didn't authorize" on last month's statement is a dispute.
const USE =
  "(?:charges?|charged|transactions?|authori[sz]ations?|purchases?|alerts?|notifications?|cargos?|compras?|transacciones|alertas|notificaciones)";
const ONGOING =
  "(?:happening|going on|going through|right now|rite now|as we speak|at this moment|this minute|" +
  "keeps? (?:coming|happening|popping up|going through|getting)|every (?:few )?minutes|pop(?:ping)? up|" +
  "over and over|again and again|this very moment|" +
  "ahora mismo|ahorita|en este momento|esta pasando|estan pasando|siguen (?:llegando|pasando|entrando)|" +
  "me llegan alertas|cada (?:pocos )?minutos)";
const NOT_MINE =
  "(?:didn't make|did not make|didnt make|never made|don't recogni[sz]e|do not recogni[sz]e|dont recogni[sz]e|" +
  "didn't authori[sz]e|unauthori[sz]ed|(?:are|is)n'?t mine|not mine|no reconozco|no hice|no autorice|no son mios)";
// A pending charge the customer did not make can still be stopped: the guide says to call.
const STILL_OPEN = `(?:${ONGOING.slice(3, -1)}|still pending|pending|just got an? (?:text|alert|notification))`;

const within = (first: string, second: string, gap = 60) =>
  new RegExp(`\\b${first}\\b.{0,${gap}}\\b${second}|\\b${second}\\b.{0,${gap}}\\b${first}`);

// Reissues and airline-controlled changes go to the travel desk; simple questions do not need a person.
export const COMPLEX_TRAVEL =
  /\breissue\b|\b(?:change|cancel|rebook)\w* (?:my |the |a )?(?:flight|ticket|booking|reservation)\b|\bairlines?\b|\bconcierge\b|\btravel desk\b|\breemision\b|\b(?:cambiar|cancelar) (?:mi |el |la )?(?:vuelo|boleto|reserva(?:cion)?)\b|\baerolineas?\b/;

/** Patterns run against folded, typo-corrected text: lower case, no accents, straight apostrophes. */
export const PATTERNS: Record<Exclude<Topic, "general">, readonly WeightedPattern[]> = {
  fraud: [
    [/\bfraud(?:ulent)?\b|\bfraude\b|\bidentity theft\b|\brobo de identidad\b|\bsuplantacion\b/, 2],
    [
      /\b(?:someone|somebody|they|people)(?:'s|'re| is| are| else is| keeps?| just)? (?:using|used|bought|buying|charging) (?:stuff |things )?(?:with |on )?my (?:card|account)\b/,
      4,
    ],
    [
      /\b(?:someone|somebody)\b.{0,40}\b(?:using|charging|bought|buying|used)\b.{0,20}\bmy (?:card|account)\b/,
      4,
    ],
    [
      /\bmy (?:card|account) (?:is being|is getting|was just|got) (?:used|charged|drained)\b|\bbeing drained\b/,
      4,
    ],
    [/\b(?:they're|they are|someone is|somebody is) using it\b/, 3],
    [/\b(?:alguien|estan|otra persona) (?:esta |estan )?(?:usando|usa) mi tarjeta\b/, 4],
    [/\b(?:estan|alguien esta) (?:comprando|haciendo compras|haciendome compras|cobrando|robando)\b/, 3],
    [
      /\b(?:someone|somebody|they|alguien|estan)\b.{0,40}\b(?:right now|as we speak|ahora mismo|en este momento)\b/,
      2,
    ],
    [within(USE, ONGOING), 3],
    [within(NOT_MINE, STILL_OPEN), 3],
    [within("fraud\\w*", ONGOING, 40), 3],
    [/\b(?:hacked|compromised|skimmed|clonada|clonaron|hackeada|hackearon)\b/, 2],
    [/\bsuspicious (?:activity|charges?|transactions?)\b|\bactividad sospechosa\b|\bfraud alert\b/, 2],
  ],
  dispute: [
    [
      /\bdisput(?:e|es|ed|ing)\b|\bdisputa[r]?\b|\bimpugnar\b|\breclamar (?:un|el|este|ese) cargo\b|\bcontest\b/,
      3,
    ],
    [
      /\b(?:don't|do not|didn't|did not|dont|didnt) recogni[sz]e\b|\bno reconozco\b|\bunknown charge\b|\bque no (?:compre|hice|autorice|reconozco)\b/,
      3,
    ],
    [
      /\b(?:didn't|did not|didnt|never) authori[sz]e\b|\bunauthori[sz]ed\b|\bno autorice\b|\bno autorizados?\b/,
      2,
    ],
    [
      /\bduplicate\b|\bcharged (?:me )?twice\b|\bdouble charged?\b|\b(?:cargo|cobro) duplicado\b|\bcobraron dos veces\b/,
      3,
    ],
    [/\bovercharged\b|\bstill charged\b|\bcharged me after\b|\bme siguen cobrando\b/, 3],
    [
      /\b(?:never|didn't|did not|haven't|have not) (?:received|receive|get|got|arrived)\b|\b(?:no|nunca) (?:recibi|llego)\b/,
      2,
    ],
    [
      /\b(?:wrong|incorrect) (?:charge|amount)\b|\bcargo (?:incorrecto|equivocado)\b|\brefund\b|\breembolso\b|\bdevolver el dinero\b/,
      2,
    ],
    [/\bcharges?\b|\bcargo\b/, 1],
  ],
  "card-services": [
    [
      /\b(?:lost|stolen|misplaced|damaged|broken|cracked|can't find)\b.{0,20}\bcard\b|\bcard\b.{0,20}\b(?:lost|stolen|damaged|broken|cracked|snapped|bent|chipped|peeling|demagneti[sz]ed)\b/,
      3,
    ],
    [/\b(?:lost|stolen|damaged)\b/, 2],
    [
      /\btarjeta (?:perdida|robada|danada|rota|extraviada)\b|\b(?:perdi|extravie) (?:mi|la) tarjeta\b|\bme robaron\b|\bse me (?:perdio|extravio|rompio) (?:mi |la )?tarjeta\b/,
      3,
    ],
    [/\b(?:lock|unlock|freeze|unfreeze|block)\b|\b(?:des)?bloquear\b|\bbloqueo\b|\bcongelar\b/, 2],
    [
      /\breplace(?:ment)?\b|\bnew card\b|\breemplaz(?:o|ar)\b|\breposicion\b|\bnueva tarjeta\b|\btarjeta nueva\b|\besta (?:rota|danada)\b/,
      2,
    ],
    [/\b(?:never|didn't|did not|haven't) (?:received|get|got) (?:my |the )?(?:new |replacement )?card\b/, 3],
    [/\bdigital wallet\b|\bapple pay\b|\bgoogle pay\b|\bbilletera digital\b|\bcartera digital\b/, 3],
    [/\bcard (?:isn't|is not|doesn't|does not|won't) work|\bdeclined\b|\brechazada\b/, 2],
  ],
  complaint: [
    [/\bformal complaint\b|\bqueja formal\b/, 4],
    [/\bcomplain(?:t|ts|ing)?\b|\bqueja(?:s|rme)?\b|\breclamo\b|\breclamacion\b/, 3],
    [/\bcomplain(?:t|ts|ing)? about\b|\bqueja (?:sobre|de|por)\b/, 2],
    [/\b(?:terrible|bad|awful|poor) service\b|\bunhappy\b|\bdissatisfied\b|\b(?:mal|pesimo) servicio\b/, 2],
  ],
  billing: [
    [/\bdue date\b|\bpayment date\b|\blate (?:fee|charge|payment)\b|\bgoodwill\b|\bminimum payment\b/, 3],
    [/\bfecha (?:de )?(?:vencimiento|pago|corte)\b|\b(?:cargo|recargo) por (?:mora|pago tardio|atraso)\b/, 3],
    [/\bcuando vence\b|\bpayment (?:is )?due\b/, 3],
    [/\bannual (?:membership )?fee\b|\banualidad\b|\bcuota anual\b|\bmembership fee\b|\bcomision anual\b/, 2],
    [/\bpayments?\b|\bpay (?:my|the) (?:bill|balance)\b|\bautopay\b|\bpagos?\b|\bpagar\b/, 2],
    [/\bbalance\b|\bstatement\b|\bbill\b|\bfees?\b|\bsaldo\b|\bestado de cuenta\b|\bcomision\b/, 1],
  ],
  credit: [
    [
      /\bcredit (?:limit|line)\b|\blimit increase\b|\b(?:increase|raise|lift|bump up|higher) (?:my |the )?(?:credit )?limit\b|\bapr\b|\binterest rate\b/,
      3,
    ],
    [/\b(?:upgrade|downgrade)\b|\bcambio de producto\b/, 4],
    [/\blimite de credito\b|\b(?:aumento|aumentar|subir) (?:de |mi |el )?limite\b/, 3],
    [/\btasa de interes\b|\bmejorar (?:mi )?tarjeta\b/, 3],
    [/\bcredit (?:review|score)\b|\bhistorial de credito\b/, 2],
  ],
  "account-changes": [
    [
      /\bauthori[sz]ed users?\b|\b(?:add|remove) (?:an? |my )?(?:\w+ )?users?\b|\busuarios? (?:autorizados?|adicional(?:es)?)\b/,
      3,
    ],
    [
      /\b(?:change|update|confirm) (?:my |the )?(?:mailing )?(?:address|phone|email|contact|(?:last |first |legal |sur)?name)\b/,
      3,
    ],
    [/\b(?:add|remove|take) (?:\w+ ){0,2}(?:from|to|off) (?:my|the) account\b/, 3],
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
    [/\btransfer (?:my |our )?points\b|\bpoints? transfers?\b|\b(?:airline|hotel|transfer) partners?\b/, 3],
    [/\bsalas? vip\b|\bsalon vip\b|\bcredito en (?:el |su |mi )?estado de cuenta\b/, 3],
    [
      /\b(?:use|using|usar|uso|utilizar) (?:my |mis )?(?:points|puntos)\b|\bpagar\b.{0,25}\bcon (?:mis )?puntos\b|\bpuntos para pagar\b|\bpoints to pay\b/,
      3,
    ],
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
    [COMPLEX_TRAVEL, 3],
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
    [/\b(?:con|una|un) persona\b|\bpersona real\b|\bhablar con alguien\b|\bgerente\b/, 3],
    [/\bconnect me\b|\bput me through\b|\btransfer me\b|\bpa[sc]eme\b|\bpasame\b|\bcomuniqueme\b/, 3],
  ],
};
