// The public bucket export-elasticsearch writes after the indices (src/repositories/s3.ts in
// cdtn-admin's targets/export-elasticsearch, folders from .kontinuous/env/*/export.configmap.yaml):
// objects of an environment live under its folder (preview for preproduction, published for
// production), uploaded public-read with their content type, by path-style S3 requests.
import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  ListObjectsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { ExportEnvironment } from '../export-environment.ts';

export interface BucketConfig {
  endpoint: string;
  region: string;
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** BUCKET_*_FOLDER of upstream's config map. */
export const BUCKET_FOLDERS = {
  draft: 'draft',
  preview: 'preview',
  published: 'published',
  default: 'default',
};

/** The folder an environment's post-steps write to. */
export function environmentFolder(environment: ExportEnvironment): string {
  return environment === 'production' ? BUCKET_FOLDERS.published : BUCKET_FOLDERS.preview;
}

export function createBucketClient(config: BucketConfig): S3Client {
  return new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  });
}

export async function putPublicObject(
  client: S3Client,
  bucket: string,
  object: { key: string; body: string; contentType: string },
): Promise<void> {
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: object.key,
      Body: object.body,
      ContentType: object.contentType,
      ACL: 'public-read',
    }),
  );
}

async function listKeys(client: S3Client, bucket: string, prefix: string): Promise<string[]> {
  // One ListObjects (v1) page, as upstream: past 1000 objects the rest is neither copied nor cleaned.
  const listed = await client.send(new ListObjectsCommand({ Bucket: bucket, Prefix: prefix }));
  return (listed.Contents ?? []).map((object) => object.Key!);
}

const fileName = (key: string) => key.split('/').pop()!;

/**
 * Upstream's `copyFolder`: the default folder one stage up (draft → preview for preproduction,
 * preview → published for production), each file copied by its name, then the destination's files
 * the source no longer has deleted.
 */
export async function promoteDefaultFolder(
  client: S3Client,
  bucket: string,
  environment: ExportEnvironment,
): Promise<{ copied: string[]; deleted: string[] }> {
  const from = environment === 'production' ? BUCKET_FOLDERS.preview : BUCKET_FOLDERS.draft;
  const source = `${from}/${BUCKET_FOLDERS.default}`;
  const destination = `${environmentFolder(environment)}/${BUCKET_FOLDERS.default}`;
  const before = await listKeys(client, bucket, destination);
  const sourceKeys = await listKeys(client, bucket, source);
  const copied: string[] = [];
  for (const key of sourceKeys) {
    const target = `${destination}/${fileName(key)}`;
    await client.send(
      new CopyObjectCommand({
        Bucket: bucket,
        CopySource: encodeURI(`${bucket}/${key}`),
        Key: target,
        ACL: 'public-read',
        MetadataDirective: 'REPLACE',
      }),
    );
    copied.push(target);
  }
  const kept = new Set(sourceKeys.map(fileName));
  const deleted = before.filter((key) => !kept.has(fileName(key)));
  if (deleted.length > 0)
    await client.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: deleted.map((Key) => ({ Key })) } }),
    );
  return { copied, deleted };
}
