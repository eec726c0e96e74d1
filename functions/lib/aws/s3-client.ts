import type { S3Client } from "@aws-sdk/client-s3";
import { traced } from "../tracer.ts";
import { instrument } from "./instrument.ts";
import { type LazySdk, lazySdkLoader } from "./lazy-sdk.ts";

/** The S3 package and the two presigning helpers the document bucket uses. */
export interface S3Sdk {
  readonly s3: typeof import("@aws-sdk/client-s3");
  readonly createPresignedPost: typeof import("@aws-sdk/s3-presigned-post").createPresignedPost;
  readonly getSignedUrl: typeof import("@aws-sdk/s3-request-presigner").getSignedUrl;
}

/** An S3 client that is not loaded until a request touches the document bucket. */
export type LazyS3 = LazySdk<S3Sdk, S3Client>;

/**
 * The S3 client, loaded on first use: only upload requests reach the bucket, and the S3 packages are the
 * heaviest the functions use. `AWS_ENDPOINT_URL_S3` is the SDK's own service-specific endpoint variable:
 * unset on Lambda, the local runtime's s3rver locally, which answers path-style requests only
 * (`http://127.0.0.1:port/bucket/key`).
 */
export const s3Client = lazySdkLoader("AWS_ENDPOINT_URL_S3", async (env) => {
  const [s3, post, presigner] = await Promise.all([
    import("@aws-sdk/client-s3"),
    import("@aws-sdk/s3-presigned-post"),
    import("@aws-sdk/s3-request-presigner"),
  ]);
  const client = traced(
    instrument(new s3.S3Client({ forcePathStyle: env.AWS_ENDPOINT_URL_S3 !== undefined })),
  );
  return {
    sdk: { s3, createPresignedPost: post.createPresignedPost, getSignedUrl: presigner.getSignedUrl },
    client,
  };
});
