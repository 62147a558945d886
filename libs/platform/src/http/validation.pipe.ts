import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

export interface FieldError {
  field: string;
  errors: string[];
}

/** Flattens nested class-validator errors into `field.path: messages` so the 400 names the field. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, errors: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** The 400 every invalid field gets: `field: error` in the message, and the fields in details. */
export function invalidFields(details: FieldError[]): BadRequestException {
  const message = details.map((d) => `${d.field}: ${d.errors.join('; ')}`).join(' | ');
  return new BadRequestException({ message, details });
}

/** The same 400 for a check only a service can make (e.g. against WeCom or another table). */
export function fieldError(field: string, error: string): BadRequestException {
  return invalidFields([{ field, errors: [error] }]);
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => invalidFields(flattenValidationErrors(errors)),
  });
}
