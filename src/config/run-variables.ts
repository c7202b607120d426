// The DRILL_* variables of the run itself: the config file and cache, the ephemeral environment
// and with-env, the notification, and those `cdtn-drill run` sets for its vitest child.
import { z } from 'zod';
import { httpUrl, path, positiveInt, type DrillVariable } from './drill-variable.ts';

export const DRILL_TARGETS = ['ephemeral', 'cluster'] as const;

const text = z.string();

export const RUN_VARIABLES = {
  DRILL_CONFIG: {
    schema: path,
    kind: 'setting',
    description:
      'a JSON file with the settings of the checks configuration (src/config/checks-config-schema.ts) and the `writeTargets` of a confirmed run; a variable with a config field wins over it',
  },
  DRILL_CACHE_DIR: {
    schema: path,
    default: '~/.cache/cdtn-recovery-drill',
    kind: 'setting',
    description: "the drill's cache: data packages, the rehearsal's binaries, the images' inputs",
  },
  // src/env and scripts/with-env.sh
  DRILL_PG_IMAGE: {
    schema: text.min(1),
    default: 'postgres:15',
    kind: 'setting',
    description: 'ephemeral: the PostgreSQL image (with-env sets the local build)',
  },
  DRILL_SEARCH_IMAGE: {
    schema: text.min(1),
    default: 'elasticsearch:8.13.4',
    kind: 'setting',
    description: 'ephemeral: the search engine image (with-env sets the local OpenSearch build)',
  },
  DRILL_PG_STARTUP_TIMEOUT_MS: {
    schema: positiveInt,
    default: '60000',
    kind: 'setting',
    description: 'ephemeral: how long the PostgreSQL container may take to start',
  },
  DRILL_SEARCH_STARTUP_TIMEOUT_MS: {
    schema: positiveInt,
    default: '180000',
    kind: 'setting',
    description: 'ephemeral: how long the search engine container may take to start',
  },
  DRILL_SESSION: {
    schema: text,
    kind: 'internal',
    description:
      'label of every container one command starts, so that its teardown removes those and no others; set by with-env (`<pid>-<start time>` of its process)',
  },
  DRILL_SETUP: {
    schema: z.enum(['node', 'cluster', 'drill', 'rehearsal', 'full'], {
      error: 'node, cluster, drill, rehearsal or full',
    }),
    kind: 'setting',
    description: 'what scripts/with-env.sh sets up; none: chosen from the command',
  },
  DRILL_IMAGES: {
    schema: text,
    kind: 'setting',
    description:
      'images of images/ that scripts/with-env.sh builds, space-separated; none: those the command needs',
  },
  // src/report
  DRILL_NOTIFY_WEBHOOK: {
    schema: httpUrl,
    kind: 'secret',
    description: "Mattermost/Slack incoming webhook that gets each run's summary; none: no notification",
  },
  // set by `cdtn-drill run` for its vitest child (src/cli/run-command.ts)
  DRILL_TARGET: {
    schema: z.enum(DRILL_TARGETS, { error: DRILL_TARGETS.join(' or ') }),
    kind: 'internal',
    description: 'the target of the run (`--target`)',
  },
  DRILL_RUN_ID: {
    schema: text.min(1),
    kind: 'internal',
    description: 'the id of the run, its folder under reports/',
  },
  DRILL_RUNBOOK: { schema: path, kind: 'internal', description: 'the runbook page the plan comes from' },
  DRILL_RUN_REPORT_DIR: {
    schema: path,
    kind: 'internal',
    description: "the run's folder, where drills record versions and manifests",
  },
  DRILL_DRILLS_DIR: {
    schema: path,
    default: 'drills',
    kind: 'internal',
    description: 'the folder of the drill files (`--drills`)',
  },
} satisfies Record<string, DrillVariable>;
