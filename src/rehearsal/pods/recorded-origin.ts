// A rehearsal stand-in Deployment (the admin, Hasura, the frontend): answers on PORT (host network)
// what fixtures/http/ recorded for one origin (RECORDED_ORIGIN, e.g. https://code.travail.gouv.fr),
// so that the drill's probes and the frontend contract meet a real pod.
import { createRecordedHandlers } from '../../checks/index.ts';
import { startHandlerServer } from '../handler-server.ts';
import { requireEnv } from './require-env.ts';

const origin = requireEnv('RECORDED_ORIGIN');
const recorded = createRecordedHandlers();
const server = await startHandlerServer({
  port: Number(requireEnv('PORT')),
  handlers: () => recorded,
  rewrite: (url) => `${origin}${url.pathname}${url.search}`,
});
console.log(`answering ${origin} on ${server.url}`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
