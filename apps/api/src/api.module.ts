import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CORE_MODULES } from '@scrm/core';
import { AccessGuard, AllExceptionsFilter, PlatformModule } from '@scrm/platform';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AuthController } from './auth/auth.controller';
import { HealthController } from './health/health.controller';
import { PlatformTenantsController } from './platform-tenants/platform-tenants.controller';
import { TenantSettingsController } from './tenant-settings/tenant-settings.controller';
import { UsersController } from './users/users.controller';
import { InboxController } from './inbox/inbox.controller';
import { PlatformInboxController } from './platform-inbox/platform-inbox.controller';
import { CallbackHttp } from './wecom-callback/callback-http';
import { WeComCallbackController } from './wecom-callback/wecom-callback.controller';
import { CustomersController } from './contacts/customers.controller';
import { GroupChatsController } from './contacts/group-chats.controller';
import { StaffController } from './contacts/staff.controller';
import { SyncController } from './sync/sync.controller';
import { ChannelsController } from './channels/channels.controller';
import { WelcomeRulesController } from './welcome/welcome-rules.controller';
import { WelcomeController } from './welcome/welcome.controller';
import { SopsController } from './sops/sops.controller';
import { GroupChatTagsController } from './sops/group-chat-tags.controller';
import { SopPreviewController } from './sops/sop-preview.controller';
import { TasksController } from './tasks/tasks.controller';
import { SopStatsController } from './tasks/sop-stats.controller';
import { StaffTasksController } from './staff-tasks/staff-tasks.controller';
import { StaffAuthController } from './staff-tasks/staff-auth.controller';
import { AttributesController } from './profile/attributes.controller';
import { CustomerAttributesController } from './profile/customer-attributes.controller';
import { EventsController } from './profile/events.controller';
import { TagRulesController } from './tag-rules/tag-rules.controller';
import { CustomerTagsController } from './tags/customer-tags.controller';
import { TagCategoriesController } from './tags/tag-categories.controller';
import { TagGroupsController } from './tags/tag-groups.controller';
import { TagJobsController } from './tags/tag-jobs.controller';
import { TagsController } from './tags/tags.controller';
import { AudiencesController } from './audiences/audiences.controller';
import { CachedProfileHttp } from './customer-profile/cached-profile-http';
import { CustomerProfileController } from './customer-profile/customer-profile.controller';

@Module({
  imports: [PlatformModule, ...CORE_MODULES],
  controllers: [
    HealthController,
    AuthController,
    PlatformTenantsController,
    TenantSettingsController,
    UsersController,
    ApiKeysController,
        WeComCallbackController,
    InboxController,
    PlatformInboxController,
        CustomersController,
    GroupChatsController,
    StaffController,
    SyncController,
        ChannelsController,
    WelcomeRulesController,
    WelcomeController,
    SopsController,
    GroupChatTagsController,
    SopPreviewController,
    TasksController,
    SopStatsController,
    StaffTasksController,
    StaffAuthController,
    AttributesController,
    CustomerAttributesController,
    EventsController,
    TagRulesController,
    TagCategoriesController,
    TagGroupsController,
    TagsController,
    CustomerTagsController,
    TagJobsController,
    AudiencesController,
    CustomerProfileController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
        CallbackHttp,
    CachedProfileHttp,
  ],
})
export class ApiModule {}
