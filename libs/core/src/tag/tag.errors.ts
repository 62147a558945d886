import { ConflictException, NotFoundException } from '@nestjs/common';
import { isWeComApiError } from '@scrm/wechat-work-sdk';

/** A name already taken: 409 naming the field, like a 400 does. */
export function nameTaken(what: string, name: string, field = 'name'): ConflictException {
  const error = `${what} '${name}' already exists`;
  return new ConflictException({ message: `${field}: ${error}`, details: [{ field, errors: [error] }] });
}

export function tagNotFound(what = 'Tag'): NotFoundException {
  return new NotFoundException(`${what} not found`);
}

/** WeCom's 40071 (duplicate name) becomes our 409 naming `name`; every other WeCom error keeps its 502 mapping. */
export async function duplicateNameAs409<T>(what: string, name: string | undefined, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (isWeComApiError(err) && err.errcode === 40071) throw nameTaken(what, name ?? '');
    throw err;
  }
}
