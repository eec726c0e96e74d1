import { language } from "./i18n.ts";

/**
 * The words of the verification and upload controls, in the pages' two languages. Kept beside the main
 * tables (strings-en.ts, strings-es.ts) so this feature's UI is one file to translate.
 */
const en = {
  verifyHeading: "Verify your identity",
  verifyIntro: "The agent asked you to confirm who you are.",
  last4: "Last 4 digits of your card",
  postalCode: "Billing ZIP or postal code",
  verifySubmit: "Verify",
  verified: "Verified.",
  failed: "Those details did not match. Please try again.",
  locked: "Verification is locked. Please call {number}.",
  uploadHeading: "Send a document",
  uploadIntro: "The agent asked for a document: PDF, PNG or JPEG, up to {size} MB.",
  file: "File",
  uploadSubmit: "Upload",
  uploading: "Uploading…",
  uploaded: "Uploaded. The agent will see it in the chat.",
  rejected: "The file was not accepted ({reason}).",
  open: "Open {name}",
  attachments: "Documents",
  verifyCustomer: "Verify customer",
  requestDocument: "Request document",
  asked: "Asked the customer.",
  outcome: "Verification: {outcome}",
  error: "Something went wrong: {reason}",
} as const;

type Key = keyof typeof en;

const es: Record<Key, string> = {
  verifyHeading: "Verifique su identidad",
  verifyIntro: "El agente le pidió que confirme quién es.",
  last4: "Últimos 4 dígitos de su tarjeta",
  postalCode: "Código postal de facturación",
  verifySubmit: "Verificar",
  verified: "Verificado.",
  failed: "Los datos no coinciden. Inténtelo de nuevo.",
  locked: "La verificación está bloqueada. Llame al {number}.",
  uploadHeading: "Enviar un documento",
  uploadIntro: "El agente pidió un documento: PDF, PNG o JPEG, hasta {size} MB.",
  file: "Archivo",
  uploadSubmit: "Subir",
  uploading: "Subiendo…",
  uploaded: "Subido. El agente lo verá en el chat.",
  rejected: "No se aceptó el archivo ({reason}).",
  open: "Abrir {name}",
  attachments: "Documentos",
  verifyCustomer: "Verificar cliente",
  requestDocument: "Pedir documento",
  asked: "Se le pidió al cliente.",
  outcome: "Verificación: {outcome}",
  error: "Algo salió mal: {reason}",
};

export function st(key: Key, params: Readonly<Record<string, string | number>> = {}): string {
  const text: string = (language() === "es" ? es : en)[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ""));
}
