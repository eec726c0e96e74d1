import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ChatClient, customerClaims, devToken, type Frame } from "./support/chat-client.ts";
import {
  A_PDF,
  deskAgent,
  heldChat,
  objectExists,
  postUpload,
  uploadRequestedFor,
} from "./support/secure-steps.ts";

/** Document upload on the suite's local runtime: s3rver takes the presigned POST, upload-received checks it. */
const stack = { httpUrl: inject("httpUrl"), wsUrl: inject("wsUrl") };
let agent: Awaited<ReturnType<typeof deskAgent>>;
const clients: ChatClient[] = [];

beforeAll(async () => {
  agent = await deskAgent(stack, "us-consumer-en");
  clients.push(agent.client);
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
});

async function askForDocument() {
  const held = await heldChat(stack, { country: "US", segment: "consumer" }, agent);
  clients.push(held.customer);
  const pending = await held.agent.request(
    { action: "requestUpload", chatId: held.chatId, purpose: "Proof of address" },
    "uploadPending",
  );
  const requested = await held.customer.next(uploadRequestedFor(held.chatId));
  return { ...held, pending, requested };
}

const attachmentMessage = (chatId: string) => (frame: Frame) =>
  frame.type === "message" && frame.chatId === chatId && frame.attachment !== undefined;
const rejection = (uploadId: unknown) => (frame: Frame) =>
  frame.type === "uploadRejected" && frame.uploadId === uploadId;

describe("secure document upload", () => {
  it("takes a PDF through the presigned POST, posts it to both sides and lets participants fetch it", async () => {
    // Prepare
    const { agent, customer, customerToken, chatId, pending, requested } = await askForDocument();

    // Act
    const response = await postUpload(requested, A_PDF, {
      name: "statement.pdf",
      contentType: "application/pdf",
    });
    const atCustomer = await customer.next(attachmentMessage(chatId), 20_000);
    const atAgent = await agent.next(attachmentMessage(chatId), 20_000);
    const link = await agent.request(
      { action: "getAttachment", chatId, attachmentId: pending.uploadId },
      "attachmentUrl",
    );
    const download = await fetch(String(link.url));
    const body = new Uint8Array(await download.arrayBuffer());
    const later = await ChatClient.connect(stack.wsUrl, customerToken);
    clients.push(later);
    await later.request({ action: "resume", chatId, afterSeq: 0 }, "resumed");

    // Assess
    expect(response.status).toBe(204);
    expect(requested).toMatchObject({
      method: "POST",
      maxBytes: 10 * 1024 * 1024,
      contentTypes: ["application/pdf", "image/png", "image/jpeg"],
      purpose: "Proof of address",
    });
    expect(String((requested.fields as Record<string, string>).key)).toBe(
      `incoming/${chatId}/${pending.uploadId}`,
    );
    const attachment = {
      id: pending.uploadId,
      name: "statement.pdf",
      contentType: "application/pdf",
      size: A_PDF.length,
    };
    expect(atCustomer.attachment).toEqual(attachment);
    expect(atAgent).toMatchObject({ seq: atCustomer.seq, attachment });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("attachment");
    expect(body).toEqual(A_PDF);
    expect(later.messages(chatId).find((frame) => frame.seq === atCustomer.seq)).toMatchObject({
      attachment,
    });
    expect(await objectExists(requested, `incoming/${chatId}/${pending.uploadId}`)).toBe(false);
  }, 120_000);

  it("refuses a file whose content is not a PDF, PNG or JPEG, whatever its name and type say, and deletes it", async () => {
    // Prepare
    const { agent, customer, chatId, pending, requested } = await askForDocument();
    const program = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);

    // Act
    const response = await postUpload(requested, program, { name: "photo.png", contentType: "image/png" });
    const refused = await customer.next(rejection(pending.uploadId), 20_000);
    const atAgent = await agent.next(rejection(pending.uploadId), 20_000);
    const notice = await customer.next(
      (frame) => frame.type === "message" && String(frame.text).includes("PDF, PNG and JPEG"),
    );

    // Assess
    expect(response.status).toBe(204);
    expect(refused.reason).toBe("type");
    expect(atAgent.reason).toBe("type");
    expect(notice.from).toMatchObject({ role: "system" });
    expect(customer.frames.some(attachmentMessage(chatId))).toBe(false);
    expect(await objectExists(requested, `incoming/${chatId}/${pending.uploadId}`)).toBe(false);
  }, 120_000);

  it("refuses a file over the size limit (s3rver ignores the policy; our check does not)", async () => {
    // Prepare
    const { customer, chatId, pending, requested } = await askForDocument();
    const big = new Uint8Array(Number(requested.maxBytes) + 1);
    big.set(A_PDF);

    // Act
    await postUpload(requested, big, { name: "big.pdf", contentType: "application/pdf" });
    const refused = await customer.next(rejection(pending.uploadId), 30_000);

    // Assess
    expect(refused.reason).toBe("tooLarge");
    expect(customer.frames.some(attachmentMessage(chatId))).toBe(false);
    expect(await objectExists(requested, `incoming/${chatId}/${pending.uploadId}`)).toBe(false);
  }, 120_000);

  it("uses an upload id once: a second file through the same form is refused and the first is kept", async () => {
    // Prepare
    const { customer, chatId, pending, requested } = await askForDocument();
    await postUpload(requested, A_PDF, { name: "first.pdf", contentType: "application/pdf" });
    await customer.next(attachmentMessage(chatId), 20_000);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

    // Act
    await postUpload(requested, png, { name: "second.png", contentType: "image/png" });
    const refused = await customer.next(rejection(pending.uploadId), 20_000);
    const link = await customer.request(
      { action: "getAttachment", chatId, attachmentId: pending.uploadId },
      "attachmentUrl",
    );
    const body = new Uint8Array(await (await fetch(String(link.url))).arrayBuffer());

    // Assess
    expect(refused.reason).toBe("used");
    expect(customer.messages(chatId).filter((frame) => frame.attachment !== undefined)).toHaveLength(1);
    expect(body).toEqual(A_PDF);
  }, 120_000);

  it("gives an attachment's link to participants only, and the form to the agent holding the chat only", async () => {
    // Prepare
    const { customer, chatId, pending, requested } = await askForDocument();
    await postUpload(requested, A_PDF, { name: "id.pdf", contentType: "application/pdf" });
    await customer.next(attachmentMessage(chatId), 20_000);
    const stranger = await ChatClient.connect(stack.wsUrl, await devToken(stack.httpUrl, customerClaims()));
    clients.push(stranger);

    // Act
    const byStranger = await stranger.request(
      { action: "getAttachment", chatId, attachmentId: pending.uploadId },
      "attachmentUrl",
    );
    const unknown = await customer.request(
      { action: "getAttachment", chatId, attachmentId: "nope" },
      "attachmentUrl",
    );
    const byCustomer = await customer.request({ action: "requestUpload", chatId }, "uploadPending");

    // Assess
    expect(byStranger).toMatchObject({ type: "error", code: "NOT_FOUND" });
    expect(JSON.stringify(byStranger)).not.toContain("id.pdf");
    expect(unknown).toMatchObject({ type: "error", code: "NOT_FOUND" });
    expect(byCustomer).toMatchObject({ type: "error", code: "FORBIDDEN" });
  }, 120_000);
});
