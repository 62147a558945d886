import { ArgumentsHost, Catch, HttpException, NotFoundException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import { wecomErrmsg } from './errcodes';
import { callerIp } from './sim-request';

/**
 * Under /cgi-bin WeCom never answers 400/500: an unexpected failure is errcode -1 (system busy).
 * Unknown cgi-bin paths stay a 404 so a missing simulator feature is visible. /sim keeps Nest's answers.
 */
@Catch()
export class CgiBinExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    if (!req.path?.startsWith('/cgi-bin/') || exception instanceof NotFoundException) {
      return super.catch(exception, host);
    }
    const status = exception instanceof HttpException ? exception.getStatus() : undefined;
    const errcode = status === 400 ? 47001 : -1;
    const res = host.switchToHttp().getResponse<Response>();
    res.status(200).json(errorAnswerOf(errcode, callerIp(req)));
  }
}

/** The answer to a call that failed unexpectedly (-1) or whose body Nest refused (47001). */
export function errorAnswerOf(errcode: number, ip: string): { errcode: number; errmsg: string } {
  return { errcode, errmsg: wecomErrmsg(errcode, Math.floor(Date.now() / 1000), ip) };
}
