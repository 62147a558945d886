import { BadRequestException } from '@nestjs/common';

/** A 400 shaped like the validation pipe's, for checks only the service can make (e.g. against WeCom). */
export function fieldError(field: string, error: string): BadRequestException {
  return new BadRequestException({ message: `${field}: ${error}`, details: [{ field, errors: [error] }] });
}
