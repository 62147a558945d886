import { applyDecorators, Get } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';

/** WeCom's own API is documented by WeCom; keep it out of the /sim swagger page. */
export function WecomGet(path: string) {
  return applyDecorators(Get(path), ApiExcludeEndpoint());
}
