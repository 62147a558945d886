import { ArgumentsHost, BadRequestException } from '@nestjs/common';
import { WeComApiError } from '@scrm/wechat-work-sdk';
import { DatabaseError } from 'pg';
import { AllExceptionsFilter } from './all-exceptions.filter';

function answer(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent = { status: 0, body: {} as Record<string, unknown> };
  const res = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return sent;
}

describe('AllExceptionsFilter', () => {
  it('answers a WeCom refusal as 502 with WeCom’s reason and the actionable hint', () => {
    const { status, body } = answer(new WeComApiError({ errcode: 60020, errmsg: 'not allow to access from your ip', api: 'externalcontact/add_contact_way' }));
    expect(status).toBe(502);
    expect(body).toMatchObject({ statusCode: 502, error: 'Bad Gateway', details: { errcode: 60020, api: 'externalcontact/add_contact_way' } });
    expect(body.message).toContain('60020');
  });

  it('keeps HttpExceptions as they are and hides unexpected errors behind a 500', () => {
    expect(answer(new BadRequestException('name must be a string')).body).toMatchObject({ statusCode: 400, message: 'name must be a string' });
    expect(answer(new Error('db password is hunter2'))).toEqual({
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' },
    });
  });

  it('answers text Postgres cannot store (NUL) as 400, not 500', () => {
    const err = Object.assign(new DatabaseError('invalid byte sequence for encoding "UTF8": 0x00', 0, 'error'), { code: '22021' });
    expect(answer(err)).toMatchObject({ status: 400, body: { statusCode: 400, error: 'Bad Request' } });
  });
});
