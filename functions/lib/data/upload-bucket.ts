import type { LazyS3 } from "../aws/s3-client.ts";

export interface PresignedForm {
  readonly url: string;
  readonly fields: Record<string, string>;
}

export interface StagedObject {
  readonly size: number;
  readonly etag: string;
  /** The name the browser gave (the `x-amz-meta-filename` form field), if any. */
  readonly name?: string;
}

/**
 * The document bucket, as the upload use cases see it. In production every object is encrypted with
 * the bucket's KMS key; when `kmsKeyArn` is given the POST policy also requires the upload itself to
 * ask for that key, so S3 refuses an upload that would be stored any other way.
 */
export class UploadBucket {
  constructor(
    private readonly s3: LazyS3,
    private readonly bucket: string,
    private readonly kmsKeyArn?: string,
  ) {}

  /**
   * A presigned POST for exactly `key`: size within `maxBytes` (content-length-range), a Content-Type
   * form field present (S3 policies cannot name a list of types: the content check after the upload
   * decides), a file-name field and, in production, the KMS encryption fields.
   */
  async presignPost(key: string, maxBytes: number, expiresSeconds: number): Promise<PresignedForm> {
    this.requireBucket();
    const encryption: Record<string, string> = this.kmsKeyArn
      ? {
          "x-amz-server-side-encryption": "aws:kms",
          "x-amz-server-side-encryption-aws-kms-key-id": this.kmsKeyArn,
        }
      : {};
    const { sdk, client } = await this.s3.load();
    const { url, fields } = await sdk.createPresignedPost(client, {
      Bucket: this.bucket,
      Key: key,
      Conditions: [
        ["content-length-range", 1, maxBytes],
        ["starts-with", "$Content-Type", ""],
        ["starts-with", "$x-amz-meta-filename", ""],
        ...Object.entries(encryption).map(([name, value]) => ({ [name]: value })),
      ],
      Fields: encryption,
      Expires: expiresSeconds,
    });
    return { url, fields };
  }

  /** The staged object's size, ETag and name, or undefined when it is gone. */
  async head(key: string): Promise<StagedObject | undefined> {
    const { sdk, client } = await this.s3.load();
    try {
      const head = await client.send(new sdk.s3.HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      const name = head.Metadata?.filename;
      return { size: head.ContentLength ?? 0, etag: head.ETag ?? "", ...(name ? { name } : {}) };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** The first `count` bytes of an object (a ranged GET: the rest is never read). */
  async readStart(key: string, count: number): Promise<Uint8Array> {
    const { sdk, client } = await this.s3.load();
    const object = await client.send(
      new sdk.s3.GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${count - 1}` }),
    );
    const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
    return bytes.subarray(0, count);
  }

  /** Copies an accepted file to its stored key, with the detected type; tags (a scan's result) follow. */
  async store(from: string, to: string, contentType: string): Promise<void> {
    const { sdk, client } = await this.s3.load();
    await client.send(
      new sdk.s3.CopyObjectCommand({
        Bucket: this.bucket,
        CopySource: `${this.bucket}/${from}`,
        Key: to,
        ContentType: contentType,
        MetadataDirective: "REPLACE",
        TaggingDirective: "COPY",
      }),
    );
  }

  async delete(key: string): Promise<void> {
    const { sdk, client } = await this.s3.load();
    await client.send(new sdk.s3.DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** A short-lived GET that downloads (never renders) the file, under the detected type. */
  async presignGet(key: string, name: string, contentType: string, expiresSeconds: number): Promise<string> {
    this.requireBucket();
    const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
    const { sdk, client } = await this.s3.load();
    return sdk.getSignedUrl(
      client,
      new sdk.s3.GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: contentType,
        ResponseContentDisposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      }),
      { expiresIn: expiresSeconds },
    );
  }

  private requireBucket(): void {
    if (!this.bucket) throw new Error("Set UPLOAD_BUCKET: this deployment has no document bucket.");
  }
}

const isMissing = (error: unknown) => {
  const name = (error as { name?: string }).name;
  return name === "NotFound" || name === "NoSuchKey";
};
