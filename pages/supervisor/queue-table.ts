import type { ServerFrame } from "../../client/src/index.ts";
import { byId, el, show } from "../shared/dom.ts";
import { onLanguage, t } from "../shared/i18n.ts";

type Snapshot = ServerFrame<"queueSnapshot">;

/**
 * The live queue table, re-rendered from each `queueSnapshot` (now, then every few seconds). It is
 * not a live region: figures changing every 8 s would drown a screen reader; the table is read on demand.
 */
export class QueueTable {
  private last: Snapshot | undefined;

  constructor() {
    onLanguage(() => this.render());
  }

  update(snapshot: Snapshot): void {
    this.last = snapshot;
    this.render();
  }

  private render(): void {
    const rows = byId("queue-rows");
    const snapshot = this.last;
    const seconds = (value: number | undefined) =>
      value === undefined ? t("supervisor.none") : t("supervisor.seconds", { seconds: Math.round(value) });
    rows.replaceChildren(
      ...(snapshot?.queues ?? []).map((queue) =>
        el(
          "tr",
          { "data-queue": queue.queueId },
          el("th", { scope: "row", text: queue.queueId }),
          el("td", { text: String(queue.waiting) }),
          el("td", { text: seconds(queue.longestWaitSeconds) }),
          el("td", { text: String(queue.agents.available) }),
          el("td", { text: String(queue.agents.away) }),
          el("td", { text: String(queue.agents.busy) }),
          el("td", { text: String(queue.offersTimedOut) }),
          el("td", { text: String(queue.abandoned) }),
          el("td", { text: seconds(queue.estimateErrorSeconds) }),
        ),
      ),
    );
    const updated = byId("queues-updated");
    updated.textContent = snapshot
      ? t("supervisor.updated", { time: new Date(snapshot.at).toLocaleTimeString() })
      : t("supervisor.noQueues");
    show(updated, true);
  }
}
