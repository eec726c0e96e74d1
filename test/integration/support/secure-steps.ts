import { HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { localCredentials } from "../../../local/dynamodb-local.ts";
import {
  type ChatClient,
  ChatClient as Client,
  customerClaims,
  devToken,
  type Frame,
} from "./chat-client.ts";
import { available, connectAgent, offerFor } from "./handoff-stack.ts";
import type { LocalProcess } from "./local-process.ts";

/** A running local runtime: this file's own, or the suite's (global-setup.ts). */
type Stack = Pick<LocalProcess, "httpUrl" | "wsUrl">;

/** The one agent of a test file's runtime: every chat of the file is offered to it, none to a stranger. */
export async function deskAgent(stack: Stack, queue: string) {
  const agent = await connectAgent(stack as LocalProcess, { queues: [queue], maxChats: 20 });
  await available(agent.client);
  return agent;
}

/** A customer's chat held by the file's agent: what verification and upload requests need. */
export async function heldChat(
  stack: Stack,
  claims: Record<string, unknown>,
  agent: Awaited<ReturnType<typeof deskAgent>>,
) {
  const customerToken = await devToken(stack.httpUrl, customerClaims(claims));
  const customer = await Client.connect(stack.wsUrl, customerToken);
  const started = await customer.request({ action: "startChat" }, "chatStarted");
  const chatId = String(started.chatId);
  await customer.request({ action: "requestAgent", chatId }, "queued");
  // A busy machine can take a while between the queue and the offer.
  await agent.client.next(offerFor(chatId), 30_000);
  await agent.client.request({ action: "acceptChat", chatId }, "chatAssigned", 30_000);
  return { agent: agent.client, agentId: agent.id, customer, customerToken, chatId };
}

/** Posts `bytes` through the presigned form of an `uploadRequested` frame, as a browser's form would. */
export async function postUpload(
  requested: Frame,
  bytes: Uint8Array,
  options: { name: string; contentType: string },
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(requested.fields as Record<string, string>))
    form.append(name, value);
  form.append("Content-Type", options.contentType);
  form.append("x-amz-meta-filename", encodeURIComponent(options.name));
  form.append("file", new Blob([bytes], { type: options.contentType }), options.name);
  return fetch(String(requested.url), { method: "POST", body: form });
}

/** Whether an object exists in the local bucket the form names (the form's URL is the bucket's). */
export async function objectExists(requested: Frame, key: string): Promise<boolean> {
  const url = new URL(String(requested.url));
  const bucket = url.pathname.split("/").filter(Boolean)[0] ?? "";
  const s3 = new S3Client({
    endpoint: url.origin,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: localCredentials,
  });
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch {
    return false;
  } finally {
    s3.destroy();
  }
}

export const A_PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

export const uploadRequestedFor = (chatId: string) => (frame: Frame) =>
  frame.type === "uploadRequested" && frame.chatId === chatId;

export type { ChatClient };
