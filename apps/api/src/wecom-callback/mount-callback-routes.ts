import type { NestExpressApplication } from '@nestjs/platform-express';
import { serveAheadOfExpress } from '@scrm/platform';
import { CachedProfileHttp } from '../customer-profile/cached-profile-http';
import { CallbackHttp } from './callback-http';

/**
 * Puts the callback routes (and cached profile reads) in front of express itself: everything else goes to express
 * (and so to Nest) as before. Call right after NestFactory.create.
 */
export function mountCallbackRoutes(app: NestExpressApplication): void {
  const callbacks = app.get(CallbackHttp);
  const profiles = app.get(CachedProfileHttp);
  serveAheadOfExpress(app, [(req, res) => callbacks.serve(req, res), (req, res) => profiles.serve(req, res)]);
}
