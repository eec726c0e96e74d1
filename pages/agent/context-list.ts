import type { ServerFrame } from "../../client/src/index.ts";
import { el } from "../shared/dom.ts";
import { type StringKey, t } from "../shared/i18n.ts";

export type ChatContext = ServerFrame<"chatOffered">["context"];

/** What the assistant learned about the chat, as a definition list: read before accepting. */
export function contextList(context: ChatContext): HTMLDListElement {
  const rows: [StringKey, string | undefined][] = [
    ["context.topic", context.topic],
    ["context.language", context.language],
    ["context.country", context.country],
    ["context.segment", context.segment],
    ["context.account", context.accountLast4],
    ["context.details", details(context.details)],
    ["context.note", (context as { note?: string }).note],
  ];
  const list = el("dl", { class: "context" });
  for (const [key, value] of rows)
    if (value) list.append(el("dt", { "data-i18n": key, text: t(key) }), el("dd", { text: value }));
  return list;
}

function details(values: Record<string, unknown> | undefined): string | undefined {
  const entries = Object.entries(values ?? {}).filter(([, value]) => value !== undefined && value !== "");
  return entries.length > 0
    ? entries.map(([name, value]) => `${name}: ${String(value)}`).join(", ")
    : undefined;
}
