import * as z from "../zod.ts";

/**
 * What the bank's privacy tooling sends to the erase-customer function: the customer's identity-provider
 * subject (the token's `sub`, which carechat stores as the customer id). Any characters are allowed;
 * the bound only keeps a malformed request from reaching the table.
 */
export const erasureRequestSchema = z.strictObject({
  sub: z.string().check(z.minLength(1), z.maxLength(1024)),
});

export type ErasureRequest = z.infer<typeof erasureRequestSchema>;

export class InvalidErasureRequestError extends Error {
  constructor() {
    super('An erasure request is {"sub": "<customer id>"} and nothing else.');
    this.name = "InvalidErasureRequestError";
  }
}

export function parseErasureRequest(input: unknown): ErasureRequest {
  const parsed = erasureRequestSchema.safeParse(input);
  if (!parsed.success) throw new InvalidErasureRequestError();
  return parsed.data;
}
