import type Redis from 'ioredis';
import { resolveSdkOptions, WeComSdkOptionsInput } from '../sdk-options';
import { WeComTenantConfig } from '../tenant-config';
import { ContactWaysApi } from './apis/contact-ways.api';
import { CorpTagsApi } from './apis/corp-tags.api';
import { CustomersApi } from './apis/customers.api';
import { GroupChatsApi } from './apis/group-chats.api';
import { MassSendApi } from './apis/mass-send.api';
import { MediaApi } from './apis/media.api';
import { MessagesApi } from './apis/messages.api';
import { OAuthApi } from './apis/oauth.api';
import { StaffApi } from './apis/staff.api';
import { WelcomeApi } from './apis/welcome.api';
import { WeComHttp } from './wecom-http';

/** One tenant's WeCom app, grouped by API area: `client.contactWays.add(...)`, `client.tags.mark(...)`. */
export class WeComClient {
  readonly http: WeComHttp;
  readonly contactWays: ContactWaysApi;
  readonly welcome: WelcomeApi;
  readonly tags: CorpTagsApi;
  readonly customers: CustomersApi;
  readonly massSend: MassSendApi;
  readonly groupChats: GroupChatsApi;
  readonly staff: StaffApi;
  readonly media: MediaApi;
  readonly oauth: OAuthApi;
  readonly messages: MessagesApi;

  /** `redis` is shared and not owned: the client never connects or quits it. */
  constructor(tenant: WeComTenantConfig, redis: Redis, options: WeComSdkOptionsInput = {}) {
    this.http = new WeComHttp(tenant, redis, resolveSdkOptions(options));
    this.contactWays = new ContactWaysApi(this.http);
    this.welcome = new WelcomeApi(this.http);
    this.tags = new CorpTagsApi(this.http);
    this.customers = new CustomersApi(this.http);
    this.massSend = new MassSendApi(this.http);
    this.groupChats = new GroupChatsApi(this.http);
    this.staff = new StaffApi(this.http);
    this.media = new MediaApi(this.http);
    this.oauth = new OAuthApi(this.http);
    this.messages = new MessagesApi(this.http);
  }

  get corpId(): string {
    return this.http.corpId;
  }

  /** gettoken through the shared cache (refreshed by one process at a time). */
  getAccessToken(): Promise<string> {
    return this.http.tokens.get();
  }
}
