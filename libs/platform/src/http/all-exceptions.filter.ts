import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { isWeComApiError } from '@scrm/wechat-work-sdk';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { ErrorBody } from './error-body';

/** Every error leaves as `{ statusCode, error, message, details? }`; only unexpected ones are 500 and logged with their stack. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse();
    const body = this.toBody(exception);
    if (isWeComApiError(exception)) this.logger.warn({ errcode: exception.errcode, api: exception.api }, 'WeCom refused a request');
    else if (body.statusCode >= 500) this.logger.error({ err: exception }, 'Unhandled error');
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const payload = typeof response === 'string' ? { message: response } : (response as Record<string, unknown>);
      const message = Array.isArray(payload.message) ? payload.message.join(' | ') : String(payload.message ?? exception.message);
      const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
      if (payload.details !== undefined) body.details = payload.details;
      return body;
    }
    if (exception instanceof QueryFailedError || exception instanceof DatabaseError) {
      const code = (exception as { code?: string }).code;
      // A unique violation that slipped past a service check is a conflict, not a crash.
      if (code === '23505') return { statusCode: 409, error: 'Conflict', message: 'A record with these values already exists' };
      // Text Postgres cannot store (a NUL that came another way than the request, which rejectNulCharacters checks).
      if (code === '22021' || code === '22P05') return { statusCode: 400, error: 'Bad Request', message: 'A value contains a character that cannot be stored (NUL, \\u0000)' };
    }
    if (isWeComApiError(exception)) {
      // WeCom refused what we asked on the caller's behalf: an upstream failure (502) with WeCom's reason and the
      // SDK's hint, so the marketer can act on it (e.g. add the server IP to the app's trusted IPs).
      return {
        statusCode: HttpStatus.BAD_GATEWAY,
        error: 'Bad Gateway',
        message: exception.message,
        details: { errcode: exception.errcode, api: exception.api, retryable: exception.retryable },
      };
    }
    if (isBodyParserError(exception)) {
      const statusCode = exception.status;
      return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message: exception.message };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', message: 'Internal server error' };
  }
}

function isBodyParserError(e: unknown): e is { status: number; message: string } {
  const status = (e as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && typeof (e as { type?: unknown }).type === 'string';
}
