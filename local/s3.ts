import { unlink } from "node:fs/promises";
import { join } from "node:path";
// s3rver ships no types; the little used here is declared by hand.
// @ts-expect-error -- untyped CommonJS module
import S3rver from "s3rver";
// @ts-expect-error -- untyped CommonJS module
import s3rverAccounts from "s3rver/lib/models/account.js";
import { INCOMING_PREFIX } from "../functions/lib/uploads/upload-policy.ts";

export const UPLOAD_BUCKET_NAME = "carechat-uploads";

interface S3rverStore {
  getResourcePath(bucket: string, key: string, resource: string): string;
  deleteObject(bucket: string, key: string): Promise<void>;
}

interface S3rverServer {
  readonly store: S3rverStore;
  run(): Promise<{ port: number; address: string }>;
  close(): Promise<void>;
  on(event: "event", listener: (event: unknown) => void): void;
}

export interface LocalS3 {
  readonly endpoint: string;
  readonly bucket: string;
  stop(): Promise<void>;
}

/**
 * The local stand-in for the document bucket: s3rver, in-process, with its files under the data dir.
 * It answers the AWS SDK (path-style) and browsers' presigned POSTs; its `event` is the stand-in for
 * the S3 event notification, passed on for staged keys only (the prefix filter of the deployed
 * notification). It enforces neither POST policies nor signatures (docs/UPLOADS.md): the checks of
 * upload-received are what hold locally.
 */
export async function startLocalS3(
  dataDir: string,
  allowedOrigins: readonly string[],
  credentials: { readonly accessKeyId: string; readonly secretAccessKey: string },
  onObjectCreated: (event: unknown) => void,
): Promise<LocalS3> {
  // s3rver knows one account, S3RVER/S3RVER; the local runtime's one key pair is added to it, so the
  // functions sign with the same credentials they use for DynamoDB Local.
  (
    s3rverAccounts as { DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void } }
  ).DUMMY_ACCOUNT.createKeyPair(credentials.accessKeyId, credentials.secretAccessKey);
  const origins = allowedOrigins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`).join("");
  const cors = `<CORSConfiguration><CORSRule>${origins}<AllowedMethod>POST</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>300</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    directory: join(dataDir, "s3"),
    silent: true,
    configureBuckets: [{ name: UPLOAD_BUCKET_NAME, configs: [cors] }],
  }) as S3rverServer;
  keepDirectories(server.store);
  server.on("event", (event) => {
    const record = (event as { Records?: { eventName?: string; s3?: { object?: { key?: string } } }[] })
      .Records?.[0];
    const key = record?.s3?.object?.key ?? "";
    if (record?.eventName?.startsWith("ObjectCreated:") && key.startsWith(INCOMING_PREFIX))
      onObjectCreated(event);
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: UPLOAD_BUCKET_NAME,
    stop: () => server.close(),
  };
}

/**
 * S3 has no directories, but s3rver keeps each key's files in one and removes it when a delete leaves it
 * empty. A put into the same prefix at that moment (a second file through a chat's upload form while
 * upload-received deletes the first) then writes into a directory that has just gone, and s3rver's
 * unhandled stream error takes the whole runtime down. Deletes here remove the object's files only; an
 * empty directory left behind is harmless.
 */
function keepDirectories(store: S3rverStore): void {
  store.deleteObject = async (bucket, key) => {
    await Promise.all(
      ["object", "object.md5", "metadata.json"].map((resource) =>
        unlink(store.getResourcePath(bucket, key, resource)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw error;
        }),
      ),
    );
  };
}
