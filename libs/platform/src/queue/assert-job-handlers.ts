import { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { BULL_MODULE_QUEUE_PROCESS } from '@nestjs/bull/dist/bull.constants';
import { JobName } from './job-catalogue';

/** The worker refuses to start when a catalogued job has no @Process handler: such jobs would wait forever. */
export function assertEveryJobHasHandler(app: INestApplicationContext): void {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const handled = new Set<string>();
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || typeof instance !== 'object') continue;
    const proto = Object.getPrototypeOf(instance);
    for (const method of scanner.getAllMethodNames(proto)) {
      const meta = Reflect.getMetadata(BULL_MODULE_QUEUE_PROCESS, proto[method]) as { name?: string } | undefined;
      if (meta?.name) handled.add(meta.name);
    }
  }
  const missing = Object.values(JobName).filter((name) => !handled.has(name));
  if (missing.length > 0) throw new Error(`No worker handler for job(s): ${missing.join(', ')}`);
}
