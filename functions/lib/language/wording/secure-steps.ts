import type { Language } from "../languages.ts";

/**
 * What the system says in the chat around verification and document upload, per language. Kept apart
 * from the main wording files so this feature is one file to translate.
 */
export interface SecureStepsWording {
  readonly verificationLocked: (phone: string) => string;
  readonly uploadRejected: Readonly<Record<"type" | "tooLarge" | "used" | "expired" | "malware", string>>;
}

const english: SecureStepsWording = {
  verificationLocked: (phone) =>
    `For your security we could not verify you in this chat after three attempts. Please call us at ${phone}.`,
  uploadRejected: {
    type: "That file was not accepted: only PDF, PNG and JPEG documents can be sent. It has been deleted.",
    tooLarge: "That file was not accepted because it is too large. It has been deleted.",
    used: "That upload link was already used. Please ask the agent for a new one.",
    expired: "That upload link had expired. Please ask the agent for a new one.",
    malware: "That file was not accepted because our security scan flagged it. It has been deleted.",
  },
};

const spanish: SecureStepsWording = {
  verificationLocked: (phone) =>
    `Por su seguridad no pudimos verificar su identidad en este chat tras tres intentos. Llámenos al ${phone}.`,
  uploadRejected: {
    type: "No se aceptó el archivo: solo se pueden enviar documentos PDF, PNG y JPEG. Se ha eliminado.",
    tooLarge: "No se aceptó el archivo porque es demasiado grande. Se ha eliminado.",
    used: "Ese enlace de carga ya se usó. Pida uno nuevo al agente.",
    expired: "Ese enlace de carga había caducado. Pida uno nuevo al agente.",
    malware: "No se aceptó el archivo porque nuestro análisis de seguridad lo marcó. Se ha eliminado.",
  },
};

const japanese: SecureStepsWording = {
  verificationLocked: (phone) =>
    `セキュリティのため、3回の試行でご本人確認ができませんでした。${phone} までお電話ください。`,
  uploadRejected: {
    type: "このファイルは受け付けられませんでした。PDF、PNG、JPEG のみ送信できます。ファイルは削除されました。",
    tooLarge: "ファイルが大きすぎるため受け付けられませんでした。ファイルは削除されました。",
    used: "このアップロードリンクは使用済みです。担当者に新しいリンクをご依頼ください。",
    expired: "このアップロードリンクは期限切れです。担当者に新しいリンクをご依頼ください。",
    malware: "セキュリティスキャンで問題が検出されたため受け付けられませんでした。ファイルは削除されました。",
  },
};

const WORDING: Readonly<Record<Language, SecureStepsWording>> = { en: english, es: spanish, ja: japanese };

export const secureStepsWording = (language: Language): SecureStepsWording => WORDING[language] ?? english;
