import { byId, show } from "../shared/dom.ts";
import type { ChatPanel } from "./chat-panel.ts";

/**
 * The desk's chats as ARIA tabs: one tab stop for the list, arrow keys (and Home/End) move between
 * chats, the selected chat's panel is the only one shown.
 */
export class ChatTabs {
  private readonly panels: ChatPanel[] = [];
  private readonly tablist = byId("tabs");

  constructor() {
    this.tablist.addEventListener("keydown", (event) => {
      const index = this.panels.findIndex((panel) => panel.tab === document.activeElement);
      if (index < 0) return;
      const last = this.panels.length - 1;
      const next =
        event.key === "ArrowRight"
          ? (index + 1) % this.panels.length
          : event.key === "ArrowLeft"
            ? (index + last) % this.panels.length
            : event.key === "Home"
              ? 0
              : event.key === "End"
                ? last
                : undefined;
      if (next === undefined) return;
      event.preventDefault();
      this.select(this.panels[next] as ChatPanel, true);
    });
  }

  find(chatId: string): ChatPanel | undefined {
    return this.panels.find((panel) => panel.chatId === chatId);
  }

  add(panel: ChatPanel): void {
    this.panels.push(panel);
    this.tablist.append(panel.tab);
    byId("panels").append(panel.panel);
    panel.tab.addEventListener("click", () => this.select(panel, false));
    show(byId("no-chats"), false);
    this.select(panel, false);
  }

  select(selected: ChatPanel, focusTab: boolean): void {
    for (const panel of this.panels) {
      const on = panel === selected;
      panel.tab.setAttribute("aria-selected", String(on));
      panel.tab.tabIndex = on ? 0 : -1;
      show(panel.panel, on);
    }
    if (focusTab) selected.tab.focus();
  }
}
