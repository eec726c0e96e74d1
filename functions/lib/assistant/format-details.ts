/**
 * Extracted details as people read them, shared by the assistant's "I have noted" line and the
 * written summary, so both show the same amount in the same way.
 */
import { wordingFor } from "../language/wording/index.ts";
import type { Currency, DetailField, ExtractedDetails, Language } from "./types.ts";

const CURRENCY_PREFIX: Readonly<Record<Currency, string>> = {
  USD: "$",
  EUR: "€",
  GBP: "£",
  JPY: "¥",
  MXN: "MXN ",
  CAD: "CA$",
};

/** The fields in the order an agent asks for them. */
export const DETAIL_FIELDS: readonly DetailField[] = ["amount", "date", "merchant", "cardLast4"];

export function formatAmount(amount: string, currency?: Currency): string {
  const [whole = "", fraction] = amount.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const prefix = currency === undefined ? "" : CURRENCY_PREFIX[currency];
  return `${prefix}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

export interface DetailLine {
  readonly field: DetailField;
  readonly label: string;
  readonly value: string;
}

/** The known details, labelled in the chat's language; `only` limits them to some fields. */
export function describeDetails(
  details: ExtractedDetails,
  language: Language,
  only: readonly DetailField[] = DETAIL_FIELDS,
): DetailLine[] {
  const lines: DetailLine[] = [];
  for (const field of DETAIL_FIELDS) {
    const raw = details[field];
    if (raw === undefined || !only.includes(field)) continue;
    const value = field === "amount" ? formatAmount(raw, details.currency) : raw;
    lines.push({ field, label: wordingFor(language).detailLabels[field], value });
  }
  return lines;
}
