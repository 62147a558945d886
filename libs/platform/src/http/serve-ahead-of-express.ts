import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Answers true when it served the request, false to hand it on (a promise when it must look something up first). */
export type AheadHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/**
 * Puts handlers in front of express itself: the http server offers each request to them in order, and hands what
 * none served to express (and so to Nest) as before. Call right after NestFactory.create.
 */
export function serveAheadOfExpress(app: NestExpressApplication, handlers: AheadHandler[]): void {
  const server: Server = app.getHttpServer();
  const rest = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const offer = (i: number): void => {
      if (i === handlers.length) return rest.forEach((listener) => listener.call(server, req, res));
      const served = handlers[i](req, res);
      if (served === true) return;
      if (served === false) return offer(i + 1);
      served.then((done) => (done ? undefined : offer(i + 1)), () => offer(i + 1));
    };
    offer(0);
  });
}
