import { AccessModule } from './access/access.module';
import { AudienceModule } from './audience/audience.module';
import { ProfileViewModule } from './profile-view/profile-view.module';
import { ChannelModule } from './channel/channel.module';
import { ComputedTagsModule } from './computed-tags/computed-tags.module';
import { ContactsModule } from './contacts/contacts.module';
import { InboxModule } from './inbox/inbox.module';
import { SopModule } from './sop/sop.module';
import { ProfileModule } from './profile/profile.module';
import { SyncModule } from './sync/sync.module';
import { TagModule } from './tag/tag.module';
import { TenantModule } from './tenant/tenant.module';
import { WelcomeModule } from './welcome/welcome.module';
import { WeComModule } from './wecom/wecom.module';

/** The domain modules both the api and the worker load; each adds its controllers or processors on top. */
export const CORE_MODULES = [
  AccessModule,
  TenantModule,
  WeComModule,
  InboxModule,
  ContactsModule,
  TagModule,
  SyncModule,
  ChannelModule,
  WelcomeModule,
  AudienceModule,
  ProfileViewModule,
  ProfileModule,
  ComputedTagsModule,
  SopModule,
];
