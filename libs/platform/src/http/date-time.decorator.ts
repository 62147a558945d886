import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDate } from 'class-validator';

/**
 * A date-time field given as an ISO 8601 string, handed to the handler as a Date. `@Type(() => Date)` alone
 * would also accept numbers (epoch milliseconds) and booleans, which no client means; only strings convert here.
 */
export const IsDateTime = () =>
  applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? new Date(value) : value)),
    IsDate({ message: ({ property }) => `${property} must be an ISO 8601 date-time string` }),
  );
