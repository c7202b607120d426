// The S3-compatible server the ephemeral export uploads its post-steps to, as export-elasticsearch
// uploads to its bucket: versitygw (a maintained S3 gateway) over a temporary directory, built from
// the Go module proxy and cached by scripts/s3-build.sh. The bucket is created public for reading,
// as CDTN's public bucket is (anyone reads agreements/index.json and the sitemap).
import { CreateBucketCommand, PutBucketPolicyCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { getFreePort } from '../env/get-free-port.ts';
import { pollUntil } from '../env/poll-until.ts';
import { createBucketClient, type BucketConfig } from '../export/index.ts';

const BUILD_SCRIPT = new URL('../../scripts/s3-build.sh', import.meta.url).pathname;
const READY_TIMEOUT_MS = 30_000;

export interface S3Server {
  /** Where the export writes, with the root user's keys. */
  bucket: BucketConfig;
  /** Where anyone reads the bucket's objects (path-style: endpoint/bucket). */
  publicUrl: string;
  stop(): Promise<void>;
}

/** The versitygw binary, built on first use (~3 min on 2 cores), then cached on its inputs. */
export async function buildS3Server(): Promise<string> {
  const { stdout } = await execa(BUILD_SCRIPT, { stderr: 'inherit' });
  return stdout.trim().split('\n').at(-1)!;
}

async function waitUntilListening(process: ResultPromise, endpoint: string): Promise<void> {
  let exited: string | undefined;
  process.catch((error: unknown) => (exited = (error as Error).message));
  await pollUntil(
    async () => {
      if (exited !== undefined) throw new Error(exited);
      await (await fetch(endpoint, { signal: AbortSignal.timeout(2_000) })).body?.cancel();
    },
    {
      timeoutMs: READY_TIMEOUT_MS,
      isRetryable: () => exited === undefined,
      onTimeout: (last) =>
        new Error(`S3 server: no answer at ${endpoint} within ${READY_TIMEOUT_MS} ms (${String(last)})`),
    },
  );
}

export async function startS3Server(options: { bucketName?: string } = {}): Promise<S3Server> {
  const binary = await buildS3Server();
  const root = await mkdtemp(path.join(os.tmpdir(), 'drill-s3-'));
  const port = await getFreePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const accessKeyId = `drill${randomBytes(6).toString('hex')}`;
  const secretAccessKey = randomBytes(24).toString('hex');
  const server = execa(
    binary,
    [
      '--port',
      `127.0.0.1:${port}`,
      '--access',
      accessKeyId,
      '--secret',
      secretAccessKey,
      '--quiet',
      'posix',
      root,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], cleanup: true },
  );
  const stop = async () => {
    server.kill();
    await server.catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  };
  try {
    await waitUntilListening(server, endpoint);
    const bucket: BucketConfig = {
      endpoint,
      region: 'us-east-1',
      name: options.bucketName ?? 'cdtn-drill-public',
      accessKeyId,
      secretAccessKey,
    };
    const client = createBucketClient(bucket);
    const publicRead = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: ['s3:GetObject'],
          Resource: [`arn:aws:s3:::${bucket.name}/*`],
        },
      ],
    };
    try {
      await client.send(new CreateBucketCommand({ Bucket: bucket.name }));
      await client.send(
        new PutBucketPolicyCommand({ Bucket: bucket.name, Policy: JSON.stringify(publicRead) }),
      );
    } finally {
      client.destroy();
    }
    return { bucket, publicUrl: `${endpoint}/${bucket.name}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
