import { Injectable, NotFoundException } from '@nestjs/common';
import { CustomerRef, CustomerRefResolver } from '../profile/customer-ref';
import type { CustomerProfile, TimelinePage } from './customer-profile.types';
import { CustomerProfileLoader } from './customer-profile.loader';
import { CustomerTimelineReader } from './customer-timeline.reader';
import { ProfileCache } from './profile-cache';
import { ProfileSections } from './profile-sections';

export const TIMELINE_PAGE = 20;

export interface ProfileCaller {
  tenantId: string;
  role: string;
}

/** The 360° view: served from Redis when cached (no Postgres at all), built and cached otherwise. */
@Injectable()
export class CustomerProfileService {
  constructor(
    private readonly cache: ProfileCache,
    private readonly loader: CustomerProfileLoader,
    private readonly timeline: CustomerTimelineReader,
    private readonly sections: ProfileSections,
    private readonly refs: CustomerRefResolver,
  ) {}

  /** The view as JSON text, so a cache hit is handed out without parsing it. */
  async profileJson(caller: ProfileCaller, ref: CustomerRef): Promise<string> {
    const key = this.cache.viewKey(caller.tenantId, `${ref.kind}:${ref.value}`, caller.role);
    // Redis trouble makes the view slower, never unavailable: a failed cache call is a miss.
    const hit = await this.cache.get(key).catch(() => null);
    if (hit) return hit;
    const id = await this.resolve(caller.tenantId, ref);
    const version = await this.cache.version(caller.tenantId, id).catch(() => null);
    const json = JSON.stringify(await this.build(caller, id));
    if (version !== null) await this.cache.put(caller.tenantId, id, key, version, json).catch(() => false);
    return json;
  }

  async timelinePage(tenantId: string, ref: CustomerRef, before: string | undefined, limit = TIMELINE_PAGE): Promise<TimelinePage> {
    const id = await this.resolve(tenantId, ref);
    const c = (await this.loader.customer(tenantId, id))!;
    return this.timeline.page(tenantId, { id, externalUserId: c.external_user_id }, before, limit);
  }

  private async build(caller: ProfileCaller, id: string): Promise<CustomerProfile> {
    const c = await this.loader.customer(caller.tenantId, id);
    if (!c) throw new NotFoundException('Customer not found');
    const [parts, sections, timeline] = await Promise.all([
      this.loader.load(caller.tenantId, c, caller.role),
      this.sections.load(caller.tenantId, id),
      this.timeline.page(caller.tenantId, { id, externalUserId: c.external_user_id }, undefined, TIMELINE_PAGE),
    ]);
    return { ...parts, ...sections, timeline };
  }

  private async resolve(tenantId: string, ref: CustomerRef): Promise<string> {
    const id = await this.refs.resolveOne(tenantId, ref);
    if (!id) throw new NotFoundException('Customer not found');
    return id;
  }
}
