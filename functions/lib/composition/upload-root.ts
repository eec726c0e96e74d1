import { connectionsClient } from "../aws/connections-client.ts";
import { s3Client } from "../aws/s3-client.ts";
import { readEnvironment } from "../config/environment.ts";
import { UploadBucket } from "../data/upload-bucket.ts";
import { FrameSender } from "../delivery/frame-sender.ts";
import type { Needs } from "../kernel/ports.ts";
import { connectionDirectory, storagePorts } from "./storage.ts";

/** The document bucket of a function whose contract may declare it (`actions`, `upload-received`). */
export function uploadBucketOf(
  config: { readonly UPLOAD_BUCKET?: string; readonly UPLOAD_KMS_KEY_ARN?: string },
  env: NodeJS.ProcessEnv = process.env,
): UploadBucket {
  return new UploadBucket(s3Client(env), config.UPLOAD_BUCKET ?? "", config.UPLOAD_KMS_KEY_ARN);
}

export type UploadPorts = Needs<"chats" | "uploads" | "uploadBucket" | "sender"> & {
  /** Set when GuardDuty Malware Protection scans the bucket: files wait for its verdict. */
  readonly scanRequired: boolean;
};

let built: UploadPorts | undefined;

/** The composition root of `upload-received`: the chat's partition, the bucket and the sender. */
export function uploadPorts(env: NodeJS.ProcessEnv = process.env): UploadPorts {
  if (built) return built;
  const config = readEnvironment("upload-received", env);
  const storage = storagePorts(config.TABLE_NAME, env);
  built = {
    chats: storage.chats,
    uploads: storage.uploads,
    uploadBucket: uploadBucketOf(config, env),
    sender: new FrameSender(connectionsClient(config.WS_MANAGEMENT_ENDPOINT), connectionDirectory(storage)),
    scanRequired: config.UPLOAD_SCAN_REQUIRED === "true",
  };
  return built;
}
