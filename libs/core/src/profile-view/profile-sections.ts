import { Injectable } from '@nestjs/common';

/**
 * A part of the 360° view another capability owns (SOP enrollments and recent tasks). The provider registers itself
 * (e.g. in onModuleInit: `sections.register(this)`) and must emit DomainEvent.ProfileChanged for a customer whose
 * section changed, so the cached view is dropped.
 */
export interface ProfileSection<K extends keyof ProfileSectionValues = keyof ProfileSectionValues> {
  key: K;
  load(tenantId: string, customerId: string): Promise<ProfileSectionValues[K]>;
}

/** What each section holds, and what the view shows while no provider is registered. */
export interface ProfileSectionValues {
  sop: { enrollments: unknown[]; tasks: unknown[] };
}
const PLACEHOLDERS: ProfileSectionValues = { sop: { enrollments: [], tasks: [] } };

/** The registry of PROFILE_SECTIONS providers. */
@Injectable()
export class ProfileSections {
  private readonly sections = new Map<keyof ProfileSectionValues, ProfileSection>();

  register(section: ProfileSection): void {
    this.sections.set(section.key, section);
  }

  async load(tenantId: string, customerId: string): Promise<ProfileSectionValues> {
    const out = { ...PLACEHOLDERS };
    await Promise.all(
      [...this.sections.values()].map(async (s) => {
        out[s.key] = await s.load(tenantId, customerId);
      }),
    );
    return out;
  }
}

/** Injection token for the registry (the port other capabilities plug into). */
export const PROFILE_SECTIONS = ProfileSections;
