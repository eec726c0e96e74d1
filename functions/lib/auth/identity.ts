import { z } from "zod";

/** The claims of a carechat token (docs/PROTOCOL.md "Connecting"), validated once by the authorizer. */
const account = z.object({ last4: z.string().regex(/^\d{4}$/), product: z.string().max(100).optional() });

const common = {
  sub: z.string().min(1).max(128),
  name: z.string().min(1).max(128),
};

export const customerClaims = z.object({
  ...common,
  role: z.literal("customer"),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((value) => value.toUpperCase()),
  locale: z.string().min(2).max(35),
  segment: z.enum(["consumer", "small-business", "corporate", "prepaid"]),
  accounts: z.array(account).max(20).default([]),
});

export const staffClaims = z.object({
  ...common,
  role: z.enum(["agent", "supervisor"]),
  queues: z.array(z.string().min(1)).min(1),
  languages: z.array(z.string().min(2)).min(1),
  maxChats: z.number().int().min(1).max(20),
});

export const identityClaims = z.discriminatedUnion("role", [customerClaims, staffClaims]);

export type CustomerIdentity = z.infer<typeof customerClaims>;
export type StaffIdentity = z.infer<typeof staffClaims>;
export type Identity = z.infer<typeof identityClaims>;

export const isCustomer = (identity: Identity): identity is CustomerIdentity => identity.role === "customer";
