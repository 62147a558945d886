import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { CallbackHttp } from './callback-http';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Puts the callback routes in front of express itself: the http server hands each request to CallbackHttp first,
 * and everything that is not a callback to express (and so to Nest) as before. Call right after NestFactory.create.
 */
export function mountCallbackRoutes(app: NestExpressApplication): void {
  const callbacks = app.get(CallbackHttp);
  const server: Server = app.getHttpServer();
  const rest = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!callbacks.serve(req, res)) rest.forEach((listener) => listener.call(server, req, res));
  });
}
