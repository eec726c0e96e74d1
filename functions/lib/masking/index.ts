export { isLuhnValid } from "./luhn.ts";
export { maskFreeText } from "./mask-free-text.ts";
export { explainRedaction, maskSensitive } from "./mask-sensitive.ts";
export { normaliseDigits } from "./normalise.ts";
export type { FrameRedaction, FreeTextField, MaskResult, SensitiveKind } from "./types.ts";
export { newUnmaskedId } from "./unmasked-id.ts";
