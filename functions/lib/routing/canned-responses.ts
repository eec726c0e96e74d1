import * as z from "../zod.ts";

/**
 * Canned responses: a library per queue and language in the routing configuration, which an agent's
 * desk inserts into the composer (and the agent may edit before sending). A text may name placeholders,
 * filled per chat by functions/lib/canned/; a placeholder outside this list is refused at synth, so a
 * misspelt one can never reach a customer as "{custmer.firstName}".
 */
export const CANNED_PLACEHOLDERS = ["customer.firstName", "caseNumber", "agent.name"] as const;
export type CannedPlaceholder = (typeof CANNED_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Every `{name}` a text names, known or not. */
export const placeholdersIn = (text: string): string[] =>
  [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "");

const isKnown = (name: string): name is CannedPlaceholder =>
  (CANNED_PLACEHOLDERS as readonly string[]).includes(name);

const cannedText = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(2_000),
  z.superRefine((text, ctx) => {
    for (const name of placeholdersIn(text))
      if (!isKnown(name))
        ctx.addIssue({
          code: "custom",
          message: `unknown placeholder "{${name}}"; use ${CANNED_PLACEHOLDERS.map((known) => `{${known}}`).join(", ")}`,
        });
  }),
);

export const cannedResponseSchema = z.strictObject({
  id: z
    .string()
    .check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "expected an id of lower-case letters, digits and dashes")),
  /** The chat language it is written in (ISO 639, e.g. "es"). */
  language: z
    .string()
    .check(z.regex(/^[a-z]{2,3}$/, 'expected an ISO 639 language code in lower case, e.g. "en"')),
  /** The queues whose agents see it: `"*"` for every queue. */
  queues: z._default(
    z.union([z.literal("*"), z.array(z.string().check(z.minLength(1))).check(z.minLength(1))]),
    "*",
  ),
  title: cannedText,
  text: cannedText,
});

export type CannedResponse = z.output<typeof cannedResponseSchema>;

interface Issue {
  readonly path: (string | number)[];
  readonly message: string;
}

/** Rules across the configuration: every named queue exists, and one id per language. */
export function cannedResponseProblems(config: {
  readonly queues: readonly { readonly id: string }[];
  readonly cannedResponses: readonly CannedResponse[];
}): Issue[] {
  const queueIds = new Set(config.queues.map((queue) => queue.id));
  const seen = new Set<string>();
  const issues: Issue[] = [];
  config.cannedResponses.forEach((response, index) => {
    const key = `${response.language}/${response.id}`;
    if (seen.has(key))
      issues.push({ path: ["cannedResponses", index, "id"], message: `duplicate canned response "${key}"` });
    seen.add(key);
    if (response.queues === "*") return;
    for (const queueId of response.queues)
      if (!queueIds.has(queueId))
        issues.push({
          path: ["cannedResponses", index, "queues"],
          message: `there is no queue "${queueId}"`,
        });
  });
  return issues;
}

/** The text with every placeholder filled, or undefined when this chat has no value for one of them. */
export function fillPlaceholders(
  text: string,
  values: Readonly<Partial<Record<CannedPlaceholder, string>>>,
): string | undefined {
  let missing = false;
  const filled = text.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = isKnown(name) ? values[name] : undefined;
    if (value === undefined || value === "") missing = true;
    return value ?? "";
  });
  return missing ? undefined : filled;
}
