// The outside world of a production-like cluster run, for the CLI process: the recordings of
// fixtures/http/ over real HTTP. A recorded origin is served under its host name as first path
// segment: https://api.github.com/repos/x is asked as <server>/api.github.com/repos/x.
import { createRecordedHandlers } from '../checks/index.ts';
import { startHandlerServer, type HandlerServer } from './handler-server.ts';

export interface RecordedWorld extends HandlerServer {
  /** Where this server answers what the recordings hold for `recordedUrl`. */
  urlOf(recordedUrl: string): string;
}

export async function startRecordedWorld(): Promise<RecordedWorld> {
  const recorded = createRecordedHandlers();
  const server = await startHandlerServer({
    handlers: () => recorded,
    rewrite: (url) => `https://${url.pathname.slice(1)}${url.search}`,
  });
  return {
    ...server,
    urlOf(recordedUrl) {
      const { host, pathname, search } = new URL(recordedUrl);
      return `${server.url}/${host}${pathname === '/' ? '' : pathname}${search}`;
    },
  };
}
