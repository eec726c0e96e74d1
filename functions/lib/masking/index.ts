export { isLuhnValid } from "./luhn.ts";
export { explainRedaction, maskSensitive } from "./mask-sensitive.ts";
export type { MaskResult, SensitiveKind } from "./types.ts";
