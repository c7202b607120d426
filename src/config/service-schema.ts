// What a probed service is and what a good answer from it looks like.
import { z } from 'zod';

export const SERVICE_LEVELS = ['required', 'optional', 'obsolete'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];

const statusList = z
  .union([z.number().int().min(100).max(599), z.array(z.number().int().min(100).max(599)).min(1)])
  .transform((value) => (Array.isArray(value) ? value : [value]));

export const expectationSchema = z.strictObject({
  /** Accepted HTTP statuses. */
  status: statusList.default([200]),
  /** A substring of the Content-Type header, e.g. `application/json`. */
  contentType: z.string().min(1).optional(),
  /** A JSON field (dot path, `''` for the body itself) that must exist, be non-empty or equal a value. */
  json: z
    .strictObject({
      path: z.string(),
      nonEmpty: z.boolean().default(false),
      equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
    })
    .optional(),
  /** A text the body must contain. */
  text: z.string().min(1).optional(),
});
export type Expectation = z.infer<typeof expectationSchema>;

export const serviceSchema = z
  .strictObject({
    name: z.string().min(1),
    /** Absent means "not configured": reported, never probed. */
    url: z.url({ error: 'a URL' }).optional(),
    level: z.enum(SERVICE_LEVELS),
    /** Why a service is optional or obsolete (required for `obsolete`). */
    reason: z.string().min(1).optional(),
    /** How the runbook and the real system differ about this service, when they do. */
    drift: z.string().min(1).optional(),
    method: z.enum(['GET', 'HEAD']).default('GET'),
    headers: z.record(z.string(), z.string()).default({}),
    expect: expectationSchema.default({ status: [200] }),
    timeoutMs: z.coerce.number().int().positive().optional(),
    retries: z.coerce.number().int().min(0).max(10).optional(),
  })
  .refine((service) => service.level !== 'obsolete' || service.reason !== undefined, {
    message: 'a reason (an obsolete service needs one)',
    path: ['reason'],
  })
  .refine((service) => service.level !== 'required' || service.url !== undefined, {
    message: 'a URL (a required service needs one)',
    path: ['url'],
  });
export type ServiceConfig = z.infer<typeof serviceSchema>;
