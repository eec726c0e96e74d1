import type { Language } from "./languages.ts";

/**
 * What carechat tells a customer about their cases, per language: the case number when they ask for
 * it, and the notice when an agent logs a complaint. Kept beside the wording files (./wording/) so a
 * new language adds an entry here too; the compiler insists on every language.
 */
export interface CaseWording {
  /** The answer to "can I get a case number?". */
  readonly caseNumberIs: (caseNumber: string) => string;
  /** The system message when an agent logs a complaint in the chat. */
  readonly complaintLogged: (caseNumber: string) => string;
}

const CASE_WORDING: Readonly<Record<Language, CaseWording>> = {
  en: {
    caseNumberIs: (caseNumber) =>
      `Your case number is ${caseNumber}. Please keep it with today's date: with it you can look up this chat's case at any time, and an agent can find it.`,
    complaintLogged: (caseNumber) =>
      `Your complaint has been logged under case number ${caseNumber}. You can look up its status at any time with that number, in this chat or a later one.`,
  },
  es: {
    caseNumberIs: (caseNumber) =>
      `Su número de caso es ${caseNumber}. Guárdelo junto con la fecha de hoy: con él puede consultar el caso de este chat cuando quiera, y un agente puede encontrarlo.`,
    complaintLogged: (caseNumber) =>
      `Su queja quedó registrada con el número de caso ${caseNumber}. Puede consultar su estado cuando quiera con ese número, en este chat o en otro más adelante.`,
  },
  ja: {
    caseNumberIs: (caseNumber) =>
      `お客様のケース番号は ${caseNumber} です。本日の日付とともに保管してください。この番号でいつでもケースを確認でき、担当者も検索できます。`,
    complaintLogged: (caseNumber) =>
      `お客様の苦情をケース番号 ${caseNumber} で登録しました。この番号で、このチャットでも後日のチャットでも、いつでも状況を確認できます。`,
  },
};

export const caseWordingFor = (language: Language): CaseWording => CASE_WORDING[language] ?? CASE_WORDING.en;
