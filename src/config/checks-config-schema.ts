// The whole configuration of the pre-flight and delivery checks (gt1–gt4, tt1, tp1), one schema.
import { z } from 'zod';
import { serviceSchema } from './service-schema.ts';

const repoName = z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name');
const positiveInt = z.coerce.number().int().positive();

const appRepoSchema = z.strictObject({
  repo: repoName,
  /** Tag to deploy from; absent means the latest release. */
  tag: z.string().min(1).optional(),
});

export const checksConfigSchema = z.strictObject({
  probe: z.strictObject({
    timeoutMs: positiveInt,
    retries: z.coerce.number().int().min(0).max(10),
    backoffMs: z.coerce.number().int().min(0),
  }),
  github: z.strictObject({
    apiUrl: z.url({ error: 'a URL' }),
    token: z.string().min(1).optional(),
    apps: z.strictObject({ admin: appRepoSchema, frontend: appRepoSchema }),
    dataRepos: z.array(repoName).min(1),
  }),
  npm: z.strictObject({
    /** Absent: `npm config get registry` at run time. */
    registryUrl: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).optional(),
    packages: z.array(z.string().regex(/^@[\w.-]+\/[\w.-]+$/, '@scope/name')).min(1),
  }),
  backup: z.strictObject({
    /** DRILL_BACKUP (--backup): no default, the ephemeral environment names its generated fixture. */
    path: z.string().min(1).optional(),
    maxAgeHours: z.coerce.number().positive(),
  }),
  sideServices: z.record(z.string(), serviceSchema),
  search: z.strictObject({
    /** Indices the drill may create start with this prefix (gt4's probe index). */
    indexPrefix: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'a lowercase index prefix'),
    /** Cluster target: the engine host (`host:port`) on which gt4 may create and delete its probe index. */
    confirmIndexProbe: z.string().min(1).optional(),
  }),
  frontend: z.strictObject({
    url: z.url({ error: 'a URL' }),
    /** Alias prefix the frontend reads (`cdtn-prod-v2` → `cdtn-prod-v2_documents`). */
    aliasPrefix: z.string().min(1),
    presearchQuery: z.string().min(1),
    suggestQuery: z.string().min(2),
    idcc: z.string().regex(/^\d{1,4}$/, 'an IDCC number'),
    articleSlug: z.string().min(1),
  }),
  admin: z.strictObject({
    /** Admin frontend (cluster mode): `/healthz` answers "It Works!". */
    url: z.url({ error: 'a URL' }).optional(),
    /** export-elasticsearch service: `/healthz` answers `{"status":"available"}`. */
    exportUrl: z.url({ error: 'a URL' }).optional(),
  }),
  /**
   * Cluster target: the endpoints a confirmed run may write to, per kind (file only, never from a
   * variable, so that a stray variable cannot redirect a confirmed run): kube `context/namespace`,
   * postgres `host:port/database`, search and exportService URL origins.
   */
  writeTargets: z.strictObject({
    kube: z.array(z.string().min(1)).default([]),
    postgres: z.array(z.string().min(1)).default([]),
    search: z.array(z.url({ error: 'a URL' })).default([]),
    exportService: z.array(z.url({ error: 'a URL' })).default([]),
  }),
  cluster: z.strictObject({
    /** kubeconfig context (the kubeconfig itself: KUBECONFIG, else ~/.kube/config). */
    kubeContext: z.string().min(1).optional(),
    adminNamespace: z.string().min(1),
    adminDeployments: z.array(z.string().min(1)).min(1),
    frontendNamespace: z.string().min(1),
    frontendDeployments: z.array(z.string().min(1)).min(1),
  }),
});

export type ChecksConfig = z.infer<typeof checksConfigSchema>;
