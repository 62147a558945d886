import type { Request } from 'express';
import { CorpState } from '../../state/corp-state';

/** A cgi-bin request after the interceptor resolved its access_token. */
export interface SimRequest extends Request {
  simCorp?: CorpState;
  /** Set by cgiBinBodyReader when the body is not JSON: WeCom answers 47001. */
  cgiBinBadJson?: boolean;
}

export function callerIp(req: Request): string {
  return (req.ip ?? req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
}
