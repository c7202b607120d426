// Global setup of the `tests` project: fills the package cache with the data-package versions the
// tests serve, once, in the main process, before any test file runs. Test files then never talk to
// a real registry: two files filling the cache at once raced, and a worker whose fetches had
// reached the real registry kept those connections, which msw then could not intercept.
import { fillPackageCache } from '../src/ingest/index.ts';
import { TEST_PACKAGE_VERSIONS } from './ingest/fake-registry-server.ts';

export default async function setup(): Promise<void> {
  await fillPackageCache(Object.keys(TEST_PACKAGE_VERSIONS), TEST_PACKAGE_VERSIONS);
}
