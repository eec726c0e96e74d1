/** asl-validator 4 is CommonJS and ships no type declarations; this is the part the tests use. */
declare module "asl-validator" {
  interface ValidationResult {
    readonly isValid: boolean;
    readonly errors: readonly { readonly "Error code": string; readonly Message: string }[];
    errorsText(separator?: string): string;
  }

  /** Mutates `definition` (adds QueryLanguage to every state): pass a copy. */
  function validator(
    definition: unknown,
    options?: { readonly checkPaths: boolean; readonly checkArn: boolean },
  ): ValidationResult;

  export default validator;
}
