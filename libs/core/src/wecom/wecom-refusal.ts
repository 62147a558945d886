import { BadGatewayException } from '@nestjs/common';
import { isWeComApiError } from '@scrm/wechat-work-sdk';

/**
 * Runs an admin-path WeCom call; a refusal becomes a 502 carrying WeCom's own message and errcode,
 * so a marketer sees what WeCom objected to instead of a bare 500.
 */
export async function viaWeCom<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (!isWeComApiError(e)) throw e;
    throw new BadGatewayException({
      message: `WeCom refused: ${e.errmsg} (errcode ${e.errcode}). ${e.hint}`,
      details: { errcode: e.errcode, api: e.api },
    });
  }
}
