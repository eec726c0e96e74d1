import type { Ports } from "../kernel/ports.ts";
import type { Routes } from "../middleware/ws-router.ts";
import { bargeIn } from "./barge-in.ts";
import { listQueueChats } from "./list-queue-chats.ts";
import { monitorChat, stopMonitoring } from "./monitor-chat.ts";
import { unwatchQueues, watchQueues } from "./watch-queues.ts";
import { whisper } from "./whisper.ts";

/** The supervisor tools' client actions, spread into the actions handler's router (one line there). */
export const supervisorRoutes = (ports: () => Ports): Routes => ({
  monitorChat: (caller, frame) => monitorChat(ports(), caller, frame),
  stopMonitoring: (caller, frame) => stopMonitoring(ports(), caller, frame),
  whisper: (caller, frame) => whisper(ports(), caller, frame),
  bargeIn: (caller, frame) => bargeIn(ports(), caller, frame),
  watchQueues: (caller, frame) => watchQueues(ports(), caller, frame),
  unwatchQueues: (caller, frame) => unwatchQueues(ports(), caller, frame),
  listQueueChats: (caller, frame) => listQueueChats(ports(), caller, frame),
});
