import { ValidationError } from 'class-validator';
import { flattenValidationErrors } from './validation.pipe';

describe('flattenValidationErrors', () => {
  it('names nested fields by path', () => {
    const child = Object.assign(new ValidationError(), { property: 'email', constraints: { isEmail: 'email must be an email' } });
    const parent = Object.assign(new ValidationError(), { property: 'admin', children: [child] });
    expect(flattenValidationErrors([parent])).toEqual([{ field: 'admin.email', errors: ['email must be an email'] }]);
  });
});
