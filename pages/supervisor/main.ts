import type { CareChatClient, ServerFrame } from "../../client/src/index.ts";
import { byId, el, show } from "../shared/dom.ts";
import { languageSwitch, t } from "../shared/i18n.ts";
import { type Claims, clientFor, newUserId, store, stored } from "../shared/session.ts";
import { MonitoredChat } from "./monitored-chat.ts";
import { QueueTable } from "./queue-table.ts";

/**
 * The supervisor page (`/supervisor`): demo sign-in, the live queues (watchQueues), the chats in
 * progress in the supervisor's queues (listQueueChats), and per chat: monitor, whisper, barge in.
 */
const CLAIMS_KEY = "carechat.supervisor.claims";
type ListedChat = ServerFrame<"queueChats">["chats"][number];

languageSwitch(byId<HTMLButtonElement>("language"), "supervisor.title");
const announcer = byId("announcer");
const announce = (text: string) => {
  announcer.textContent = text;
};

const claims = stored<Claims>(CLAIMS_KEY);
if (claims) void open(claims);
else {
  show(byId("login"), true);
  byId("login-name").focus();
}

const list = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

byId("login-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  const signedIn: Claims = {
    sub: newUserId("supervisor"),
    role: "supervisor",
    name: String(form.get("name")),
    queues: list(form.get("queues")),
    languages: list(form.get("languages")),
    maxChats: 5,
  };
  store(CLAIMS_KEY, signedIn);
  show(byId("login"), false);
  void open(signedIn);
});

async function open(signedIn: Claims) {
  const client = clientFor(signedIn);
  const table = new QueueTable();
  const watched = new Map<string, MonitoredChat>();
  client.on("queueSnapshot", (snapshot) => table.update(snapshot));
  client.on("message", (message) => watched.get(message.chatId)?.addMessage(message));
  client.on("note", (note) => watched.get(note.chatId)?.addNote(note));
  client.on("chatEnded", (frame) => watched.get(frame.chatId)?.ended(frame.caseNumber));
  const connection = byId("connection");
  client.on("close", ({ willReconnect }) => {
    connection.textContent = willReconnect ? t("chat.offline") : "";
  });
  client.on("open", ({ reconnected }) => {
    connection.textContent = t("chat.online");
    // A new connection watches nothing yet: ask again for the queues and every monitored chat.
    if (reconnected) {
      void watch(client, table);
      for (const chat of watched.values())
        void client
          .request("monitorChat", { chatId: chat.chatId }, ["monitoring"])
          .then((entry) => chat.load(entry));
    }
  });
  try {
    await client.connect();
  } catch (error) {
    store(CLAIMS_KEY, undefined);
    show(byId("login"), true);
    connection.textContent = t("login.failed", { reason: (error as Error).message });
    return;
  }
  show(byId("console"), true);
  await watch(client, table);
  const refresh = byId<HTMLButtonElement>("refresh");
  const monitor = async (chat: ListedChat) => {
    if (watched.has(chat.chatId)) return watched.get(chat.chatId)?.element.querySelector("h3")?.focus();
    const entry = await client.request("monitorChat", { chatId: chat.chatId }, ["monitoring"]);
    const panel = new MonitoredChat(client, chat.chatId, chat.customerName, stopped, announce);
    panel.load(entry);
    watched.set(chat.chatId, panel);
    byId("monitored").append(panel.element);
    show(byId("no-monitored"), false);
    announce(t("supervisor.started", { name: chat.customerName }));
  };
  const stopped = (panel: MonitoredChat) => {
    watched.delete(panel.chatId);
    panel.element.remove();
    show(byId("no-monitored"), watched.size === 0);
    refresh.focus();
  };
  const reload = () =>
    client
      .request("listQueueChats", {}, ["queueChats"])
      .then((listed) => renderList(listed.chats, monitor))
      .catch((error: Error) => {
        connection.textContent = t("chat.error", { reason: error.message });
      });
  refresh.addEventListener("click", () => void reload());
  await reload();
  refresh.focus();
}

async function watch(client: CareChatClient, table: QueueTable) {
  table.update(await client.request("watchQueues", {}, ["queueSnapshot"]));
}

function renderList(chats: readonly ListedChat[], monitor: (chat: ListedChat) => Promise<unknown>) {
  show(byId("no-listed"), chats.length === 0);
  byId("chat-list").replaceChildren(
    ...chats.map((chat) => {
      const agents =
        chat.participants.map((participant) => participant.name).join(", ") || t("supervisor.noAgent");
      const button = el("button", {
        type: "button",
        "data-i18n": "supervisor.monitor",
        "aria-describedby": `row-${chat.chatId}`,
        text: t("supervisor.monitor"),
      });
      button.addEventListener("click", () => void monitor(chat));
      return el(
        "li",
        { class: "listed-chat", "data-chat": chat.chatId },
        el("span", {
          id: `row-${chat.chatId}`,
          text: t("supervisor.chatRow", {
            name: chat.customerName,
            queue: chat.queueId ?? "",
            state: chat.state,
            agents,
          }),
        }),
        " ",
        button,
      );
    }),
  );
}
