import { applyDecorators, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@scrm/platform';
import type { Request, Response } from 'express';
import { CallbackHttp } from './callback-http';

/** Parameter docs both routes share. */
const Signed = () =>
  applyDecorators(
    ApiParam({ name: 'tenantId', format: 'uuid' }),
    ApiQuery({ name: 'msg_signature', description: 'sha1 over token, timestamp, nonce and the encrypted part' }),
    ApiQuery({ name: 'timestamp' }),
    ApiQuery({ name: 'nonce' }),
    ApiResponse({ status: 401, description: 'bad signature, or a message for another corp (receive id)' }),
    ApiResponse({ status: 404, description: 'unknown or disabled tenant' }),
  );

/**
 * WeCom callback intake. These routes are served by the same handlers placed in front of express and Nest
 * (see mountCallbackRoutes), so requests normally never reach this controller; it documents them in
 * OpenAPI and answers identically if the fast mount is ever removed.
 */
@ApiTags('wecom-callback')
@Public()
@Controller('wecom/callback')
export class WeComCallbackController {
  constructor(private readonly http: CallbackHttp) {}

  @Get(':tenantId')
  @Signed()
  @ApiOperation({ summary: 'URL verification: answers the decrypted echostr as bare plaintext' })
  @ApiQuery({ name: 'echostr' })
  @ApiProduces('text/plain')
  @ApiResponse({ status: 200, description: 'the plaintext of echostr', schema: { type: 'string' } })
  @ApiResponse({ status: 400, description: 'echostr missing or not decryptable' })
  verify(@Param('tenantId') tenantId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.http.verify(tenantId, req.query, res);
  }

  @Post(':tenantId')
  @Signed()
  @ApiOperation({ summary: 'Event delivery: stored once (deduplicated), queued for the worker, answered 200 with an empty body' })
  @ApiConsumes('text/xml')
  @ApiBody({ schema: { type: 'string', example: '<xml><ToUserName><![CDATA[ww..]]></ToUserName><Encrypt><![CDATA[...]]></Encrypt></xml>' } })
  @ApiResponse({ status: 200, description: 'stored (or already stored: a re-delivery)' })
  @ApiResponse({ status: 400, description: 'body is not the expected XML, or Encrypt does not decrypt' })
  @ApiResponse({ status: 413, description: 'body over 64 KiB' })
  @ApiResponse({ status: 503, description: 'could not be stored right now; WeCom retries' })
  receive(@Param('tenantId') tenantId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.http.receive(tenantId, req.query, req, res);
  }
}
