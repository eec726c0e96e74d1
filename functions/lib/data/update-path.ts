/**
 * Turns an update field into a document path of name placeholders: `attribute` or `attribute.key`,
 * where everything after the FIRST dot is one map key taken verbatim. Map keys are user ids
 * (`participants.<sub>`), and a sub may hold dots, `#`, `@`, spaces or any Unicode: splitting on
 * every dot turned `participants.bo.agent@bank.example` into a three-level path DynamoDB rejected.
 * Every segment is a placeholder, so no id is ever parsed as expression syntax.
 */
export function updatePath(field: string, prefix: string, names: Record<string, string>): string {
  const dot = field.indexOf(".");
  const segments = dot < 0 ? [field] : [field.slice(0, dot), field.slice(dot + 1)];
  return segments
    .map((segment, depth) => {
      const name = `${prefix}_${depth}`;
      names[name] = segment;
      return name;
    })
    .join(".");
}
