// Every container image the harness starts, pinned in one place (code and tests read these).
// Users with Docker get the official images; machines without a registry set DRILL_*_IMAGE to
// the local builds (see images/ and scripts/with-env.sh). The official ones are those variables'
// defaults (src/config).
import { DRILL_VARIABLES } from '../config/index.ts';

export const OFFICIAL_IMAGES = {
  postgres: DRILL_VARIABLES.DRILL_PG_IMAGE.default,
  elasticsearch: DRILL_VARIABLES.DRILL_SEARCH_IMAGE.default,
} as const;

export const LOCAL_IMAGES = {
  base: 'localhost/cdtn-drill-base:bookworm',
  /** The rehearsal node's pod sandbox image (images/pause). */
  pause: 'localhost/cdtn-drill-pause:bookworm',
  postgres: 'localhost/cdtn-drill-postgres:15',
  opensearch: 'localhost/cdtn-drill-opensearch:2.19.6',
  elasticsearch: 'localhost/cdtn-drill-elasticsearch:8.13.4-core',
} as const;
