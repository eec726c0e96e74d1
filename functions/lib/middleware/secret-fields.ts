/**
 * Fields whose values are secrets the customer types to prove who they are (verify's last four digits
 * and postal code). They are taken out of the frame before masking, so masking can neither alter them
 * (a four-digit number could read as a code) nor record that it saw them; the masked frame, the event
 * body every later middleware and log sees, and the redaction report never hold them. Only the validated
 * frame handed to the use case does, and the use case gives them to the profile port alone.
 */
const SECRET_FIELDS: Readonly<Record<string, readonly string[]>> = {
  verify: ["last4", "postalCode"],
};

export interface WithheldSecrets {
  /** The frame without its secret fields. */
  readonly rest: Record<string, unknown>;
  /** The secret fields, exactly as sent, for validation and the use case only. */
  readonly secrets: Record<string, unknown>;
}

export function withholdSecrets(body: Record<string, unknown>): WithheldSecrets {
  const names =
    typeof body.action === "string" && Object.hasOwn(SECRET_FIELDS, body.action)
      ? (SECRET_FIELDS[body.action] ?? [])
      : [];
  if (names.length === 0) return { rest: body, secrets: {} };
  const rest: Record<string, unknown> = {};
  const secrets: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body))
    if (names.includes(key)) secrets[key] = value;
    else rest[key] = value;
  return { rest, secrets };
}
