import * as z from "../zod.ts";

/** The claims of a carechat token (docs/PROTOCOL.md "Connecting"), validated once by the authorizer. */
const account = z.object({
  last4: z.string().check(z.regex(/^\d{4}$/)),
  product: z.optional(z.string().check(z.maxLength(100))),
});

const common = {
  sub: z.string().check(z.minLength(1), z.maxLength(128)),
  name: z.string().check(z.minLength(1), z.maxLength(128)),
};

export const customerClaims = z.object({
  ...common,
  role: z.literal("customer"),
  country: z.pipe(
    z.string().check(z.regex(/^[A-Za-z]{2}$/)),
    z.transform((value) => value.toUpperCase()),
  ),
  locale: z.string().check(z.minLength(2), z.maxLength(35)),
  segment: z.enum(["consumer", "small-business", "corporate", "prepaid"]),
  accounts: z._default(z.array(account).check(z.maxLength(20)), []),
  /** The OpenID Connect address claim; only the postal code is kept (what verification checks). */
  address: z.optional(z.object({ postal_code: z.optional(z.string().check(z.maxLength(32))) })),
});

export const staffClaims = z.object({
  ...common,
  role: z.enum(["agent", "supervisor"]),
  queues: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  languages: z.array(z.string().check(z.minLength(2))).check(z.minLength(1)),
  maxChats: z.number().check(z.int(), z.gte(1), z.lte(20)),
});

export const identityClaims = z.discriminatedUnion("role", [customerClaims, staffClaims]);

export type CustomerIdentity = z.infer<typeof customerClaims>;
export type StaffIdentity = z.infer<typeof staffClaims>;
export type Identity = z.infer<typeof identityClaims>;

export const isCustomer = (identity: Identity): identity is CustomerIdentity => identity.role === "customer";
