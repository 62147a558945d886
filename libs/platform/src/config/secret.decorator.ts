import 'reflect-metadata';

const SECRET_KEYS = Symbol('secret-config-keys');

/** Marks a config variable as secret: it is redacted wherever config is printed. */
export function Secret(): PropertyDecorator {
  return (target, key) => {
    const keys: string[] = Reflect.getMetadata(SECRET_KEYS, target) ?? [];
    Reflect.defineMetadata(SECRET_KEYS, [...keys, String(key)], target);
  };
}

export function secretKeysOf(instance: object): string[] {
  return Reflect.getMetadata(SECRET_KEYS, instance) ?? [];
}
