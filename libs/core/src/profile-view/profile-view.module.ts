import { Global, Module } from '@nestjs/common';
import { CustomerProfileLoader } from './customer-profile.loader';
import { CustomerProfileService } from './customer-profile.service';
import { CustomerTimelineReader } from './customer-timeline.reader';
import { ProfileCache } from './profile-cache';
import { ProfileInvalidationListener } from './profile-invalidation.listener';
import { ProfileSections } from './profile-sections';

/** The 360° view. Global so the SOP engine can register its section in ProfileSections. */
@Global()
@Module({
  providers: [CustomerProfileLoader, CustomerProfileService, CustomerTimelineReader, ProfileCache, ProfileInvalidationListener, ProfileSections],
  exports: [CustomerProfileService, CustomerTimelineReader, ProfileCache, ProfileSections],
})
export class ProfileViewModule {}
