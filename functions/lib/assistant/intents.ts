/**
 * What a message asks for beyond its topic: funds while travelling, a named team (the supervisors,
 * a topic's specialists, the merchant or corporate programme desks), or "I'll call". Each reads the
 * prepared text (see prepare-text.ts).
 */
import type { RequestedTeam, SpecialistTopic } from "./types.ts";

const TRAVELLING =
  /\b(?:travel(?:l?ing)?|trip|abroad|overseas|vacation|holiday|hotel|get (?:back )?home|fly home|de viaje|viaje|viajando|extranjero|vacaciones|fuera del pais|volver a casa|regresar a casa)\b/;
const NEEDS_FUNDS =
  /\b(?:need|needs|get|access|have no|no|without|necesito|sin|no tengo|conseguir)\b(?:\s+[\w']+){0,3}?\s+(?:cash|money|funds|efectivo|dinero|fondos)\b|\bno (?:other )?way to pay\b|\bcan'?t pay\b|\bcannot pay\b|\bno tengo (?:con que|como) pagar\b/;
const EMERGENCY =
  /\bemergency (?:cash|funds|money|card|replacement)\b|\b(?:tarjeta|reemplazo|dinero|efectivo) de emergencia\b/;

/** The guide: "if you're traveling and need immediate assistance to access funds, call". */
export function needsFundsWhileTravelling(prepared: string): boolean {
  return (TRAVELLING.test(prepared) && NEEDS_FUNDS.test(prepared)) || EMERGENCY.test(prepared);
}

const SUPERVISOR =
  /\b(?:supervisor(?:a|es)?|(?<!travel |program |account )manager|gerente|superior|escalate|escalation|escalar)\b/;
const TEAM_CUE =
  /\b(?:team|department|dept|desk|specialists?|unit|equipo|departamento|area|especialistas?|someone (?:in|from|at)|somebody (?:in|from)|alguien (?:de|en|del)|transfer me|put me through|connect me|pa[sc]eme|pasame|comuniqueme|transfiera(?:me)?)\b/;
const TEAM_NAMES: readonly (readonly [RegExp, SpecialistTopic])[] = [
  [/\bdisput\w*|\bchargebacks?\b/, "dispute"],
  [/\bcredit\b|\bcredito\b/, "credit"],
  [/\brewards?\b|\brecompensas\b|\bpoints\b|\bpuntos\b/, "rewards"],
  [/\btravel\b|\bviajes?\b/, "travel"],
  [/\bfraud\b|\bfraude\b/, "fraud"],
  [/\bcard services\b/, "card-services"],
];
const MERCHANT =
  /\b(?:i'm|i am|im|we're|we are|as) an? merchant\b|\bmerchant (?:account|services|portal|support|team|desk|line)\b|\b(?:we |i )?(?:accept|accepts|accepting|takes|take) (?:amex|american express|your cards?)\b|\bsoy (?:un |una )?comerciante\b|\bacepto (?:amex|american express)\b|\bcomercio afiliado\b|\bservicios (?:para|a) comercios\b|\bmi negocio acepta\b/;
const CORPORATE =
  /\bprogram(?:me)? (?:administrator|admin)\b|\bcorporate (?:card )?program(?:me)?\b|\bcorporate card administrator\b|\badministrador(?:a)? del programa\b|\btarjetas? corporativas?\b/;

/**
 * The team the customer asked for, if any. Merchants and corporate programme administrators are
 * recognised by what they say they are; a topic's team only with a word that names a team or a
 * transfer ("the disputes team", "someone in rewards"), since "dispute a charge" asks for no team.
 */
export function requestedTeam(prepared: string): RequestedTeam | undefined {
  if (MERCHANT.test(prepared)) return "merchant";
  if (CORPORATE.test(prepared)) return "corporate";
  if (SUPERVISOR.test(prepared)) return "supervisor";
  if (!TEAM_CUE.test(prepared)) return undefined;
  return TEAM_NAMES.find(([pattern]) => pattern.test(prepared))?.[1];
}

const WILL_CALL =
  /\b(?:i'll|i will|ill|will|i'm going to|im going to|gonna|going to) call\b|\b(?:ya )?estoy llamando\b|\bcalling (?:now|them|you|it|the number|right now)\b|\bvoy a llamar\b|\bllamo (?:ahora|ya)\b|\bles llamo\b|\bllamando\b/;

/** "ok, I'll call": the customer takes the advice to phone, which is no request for an agent. */
export function saysWillCall(prepared: string): boolean {
  return WILL_CALL.test(prepared);
}
