import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';

/** WeCom answers every POST with HTTP 200, errors included. */
export function WecomPost(path: string) {
  return applyDecorators(Post(path), HttpCode(200), ApiExcludeEndpoint());
}
