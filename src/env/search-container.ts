// The search engine for the ephemeral environment: a GenericContainer from DRILL_SEARCH_IMAGE
// (the local OpenSearch build, or the official Elasticsearch image), ready when its cluster health answers.
import { GenericContainer, type ContainerRuntimeClient, type StartedTestContainer } from 'testcontainers';
import type { SearchEndpoint } from './drill-env.ts';
import { labelsOfService } from './container-runtime.ts';
import { waitForHttpOk } from './http-ready-wait.ts';
import { withLogsOnFailure } from './logs-on-failure.ts';
import { startServiceContainer } from './start-service-container.ts';

const HTTP_PORT = 9200;
/**
 * Ready when the cluster has recovered its state (yellow at least). Not `GET /`: the core-only
 * Elasticsearch distribution (integ-test zip) does not serve it (405).
 */
const READY_PATH = '/_cluster/health?wait_for_status=yellow&timeout=1s';

/** Single node, no security: what the official Elasticsearch image needs; the local images ignore it. */
const ENGINE_ENVIRONMENT = {
  'discovery.type': 'single-node',
  'xpack.security.enabled': 'false',
  ES_JAVA_OPTS: '-Xms512m -Xmx512m',
};

export interface StartedSearch {
  container: StartedTestContainer;
  endpoint: SearchEndpoint;
  readyMs: number;
}

export async function startSearchContainer(
  runtime: ContainerRuntimeClient,
  options: { image: string; runId: string; timeoutMs: number; signal?: AbortSignal },
): Promise<StartedSearch> {
  const started = performance.now();
  const container = await startServiceContainer(runtime, {
    service: 'search engine',
    image: options.image,
    timeoutMs: options.timeoutMs,
    start: () =>
      new GenericContainer(options.image)
        .withExposedPorts(HTTP_PORT)
        .withEnvironment(ENGINE_ENVIRONMENT)
        .withLabels(labelsOfService(options.runId, 'search'))
        .withWaitStrategy(withLogsOnFailure(waitForHttpOk(READY_PATH, HTTP_PORT, options.signal)))
        .withStartupTimeout(options.timeoutMs)
        .start(),
  });
  return {
    container,
    endpoint: { url: `http://${container.getHost()}:${container.getMappedPort(HTTP_PORT)}` },
    readyMs: Math.round(performance.now() - started),
  };
}
