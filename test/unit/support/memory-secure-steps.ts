import type {
  StoredAttachment,
  UploadRecord,
  VerificationLock,
  VerificationRequest,
} from "../../../functions/lib/data/secure-step-records.ts";
import type { TransactItem } from "../../../functions/lib/data/transaction.ts";
import type { UploadBucket } from "../../../functions/lib/data/upload-bucket.ts";
import type { UploadStore } from "../../../functions/lib/data/upload-store.ts";
import type { StoredLock, VerificationStore } from "../../../functions/lib/data/verification-store.ts";
import type { PortOf } from "../../../functions/lib/kernel/ports.ts";
import { copy, memoryItem } from "./memory-table.ts";

/** Verification requests and locks in memory; transaction items join the MemoryTable's transactions. */
export class MemoryVerificationStore implements PortOf<VerificationStore> {
  readonly requests = new Map<string, VerificationRequest>();
  readonly locks = new Map<string, VerificationLock>();

  async createRequest(request: VerificationRequest) {
    this.requests.set(`${request.chatId}/${request.verificationId}`, copy(request));
  }
  async getRequest(chatId: string, verificationId: string) {
    const found = this.requests.get(`${chatId}/${verificationId}`);
    return found ? copy(found) : undefined;
  }
  async getLock(customerId: string): Promise<StoredLock> {
    const lock = this.locks.get(customerId);
    return { lock: lock ? copy(lock) : undefined, readFailures: lock?.failures };
  }
  lockItem(customerId: string, stored: StoredLock, next: VerificationLock | undefined): TransactItem {
    return memoryItem(next ? "Put" : "Delete", `USER#${customerId}`, {
      check: () => this.locks.get(customerId)?.failures === stored.readFailures,
      apply: () => (next ? this.locks.set(customerId, copy(next)) : this.locks.delete(customerId)),
    });
  }
  openRequestCheck(chatId: string, verificationId: string): TransactItem {
    return memoryItem("ConditionCheck", `CHECK#${chatId}/${verificationId}`, {
      check: () => this.requests.get(`${chatId}/${verificationId}`)?.state === "open",
      apply: () => undefined,
    });
  }
  closeRequestItem(chatId: string, verificationId: string, state: "verified" | "locked"): TransactItem {
    const key = `${chatId}/${verificationId}`;
    return memoryItem("Update", `CHECK#${key}`, {
      check: () => this.requests.get(key)?.state === "open",
      apply: () => {
        const request = this.requests.get(key);
        if (request) this.requests.set(key, { ...request, state });
      },
    });
  }
}

/** Uploads in memory, finished at most once like the conditional writes of UploadStore. */
export class MemoryUploadStore implements PortOf<UploadStore> {
  readonly uploads = new Map<string, UploadRecord>();

  async create(upload: UploadRecord) {
    this.uploads.set(`${upload.chatId}/${upload.uploadId}`, copy(upload));
  }
  async get(chatId: string, uploadId: string) {
    const found = this.uploads.get(`${chatId}/${uploadId}`);
    return found ? copy(found) : undefined;
  }
  async markStored(chatId: string, uploadId: string, attachment: StoredAttachment) {
    return this.finish(chatId, uploadId, { state: "stored", attachment });
  }
  async markRejected(chatId: string, uploadId: string, reason: UploadRecord["rejected"] & string) {
    return this.finish(chatId, uploadId, { state: "rejected", rejected: reason });
  }
  private finish(chatId: string, uploadId: string, change: Partial<UploadRecord>) {
    const key = `${chatId}/${uploadId}`;
    const upload = this.uploads.get(key);
    if (upload?.state !== "requested") return false;
    this.uploads.set(key, { ...upload, ...change });
    return true;
  }
}

/** A bucket of byte arrays; presigned URLs name the key so a test can see what was signed. */
export class MemoryUploadBucket implements PortOf<UploadBucket> {
  readonly objects = new Map<string, { bytes: Uint8Array; name?: string; contentType?: string }>();

  async presignPost(key: string, maxBytes: number, expiresSeconds: number) {
    return {
      url: "memory://bucket",
      fields: { key, maxBytes: String(maxBytes), expires: String(expiresSeconds) },
    };
  }
  async head(key: string) {
    const object = this.objects.get(key);
    if (!object) return undefined;
    const etag = String(object.bytes.reduce((sum, byte) => (sum * 31 + byte) % 1_000_003, 7));
    return { size: object.bytes.length, etag, ...(object.name ? { name: object.name } : {}) };
  }
  async readStart(key: string, count: number) {
    return (this.objects.get(key)?.bytes ?? new Uint8Array()).subarray(0, count);
  }
  async store(from: string, to: string, contentType: string) {
    const object = this.objects.get(from);
    if (object) this.objects.set(to, { ...object, contentType });
  }
  async delete(key: string) {
    this.objects.delete(key);
  }
  async presignGet(key: string, _name: string, _contentType: string, expiresSeconds: number) {
    return `memory://bucket/${key}?expires=${expiresSeconds}`;
  }
}
