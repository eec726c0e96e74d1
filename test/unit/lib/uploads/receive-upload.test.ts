import { describe, expect, it } from "vitest";
import type { UploadRecord } from "../../../../functions/lib/data/secure-step-records.ts";
import { receiveUpload } from "../../../../functions/lib/uploads/receive-upload.ts";
import { incomingKey } from "../../../../functions/lib/uploads/upload-policy.ts";
import { assignedChat, customer, staff } from "../../support/fixtures.ts";
import { inMemoryWorld } from "../../support/in-memory-ports.ts";
import type { MemoryUploadBucket, MemoryUploadStore } from "../../support/memory-secure-steps.ts";

const A_PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
const key = incomingKey("chat-1", "up-1");

/** An assigned chat whose agent asked for a document, and the customer's file staged under its key. */
function stagedWorld() {
  const world = inMemoryWorld();
  const customerCaller = world.connect(customer);
  world.seedChat(assignedChat(staff("agent-1")), [customerCaller]);
  const uploads = world.ports.uploads as MemoryUploadStore;
  const upload: UploadRecord = {
    chatId: "chat-1",
    uploadId: "up-1",
    requestedBy: "agent-1",
    requestedAt: new Date().toISOString(),
    formExpiresAt: new Date(Date.now() + 300_000).toISOString(),
    maxBytes: 1_000_000,
    state: "requested",
  };
  uploads.uploads.set("chat-1/up-1", upload);
  const bucket = world.ports.uploadBucket as MemoryUploadBucket;
  bucket.objects.set(key, { bytes: A_PDF, name: "statement.pdf" });
  return { world, bucket, customerCaller };
}

const attachmentsTo = (world: ReturnType<typeof inMemoryWorld>, connectionId: string) =>
  world.sender
    .toConnection(connectionId)
    .filter((frame) => frame.type === "message" && "attachment" in frame && frame.attachment);

describe("receiveUpload", () => {
  it("has removed the staged file by the time the chat is told, so a file sent after it is not lost", async () => {
    // Prepare: the moment the attachment is posted, the customer sends a second file to the same key.
    const { world, bucket, customerCaller } = stagedWorld();
    const second = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const broadcast = world.sender.broadcast.bind(world.sender);
    let sentSecond = false;
    world.sender.broadcast = async (...args) => {
      if (!sentSecond) bucket.objects.set(key, { bytes: second, name: "second.png" });
      sentSecond = true;
      return broadcast(...args);
    };

    // Act
    const first = await receiveUpload(world.ports, { key });
    const again = await receiveUpload(world.ports, { key });

    // Assess
    expect([first, again]).toEqual(["stored", "rejected"]);
    expect(attachmentsTo(world, customerCaller.connectionId)).toHaveLength(1);
    expect(bucket.objects.has(key)).toBe(false);
  });

  it("posts the attachment on a repeated event that finds the staged file already moved", async () => {
    // Prepare
    const { world, customerCaller } = stagedWorld();
    await receiveUpload(world.ports, { key });

    // Act
    const repeated = await receiveUpload(world.ports, { key });

    // Assess
    expect(repeated).toBe("stored");
    expect(attachmentsTo(world, customerCaller.connectionId)).toHaveLength(1);
  });
});
