/** What the SDK needs to know about one tenant's WeCom app. */
export interface WeComTenantConfig {
  /** Our tenant id; defaults to corpId. Keys the token cache. */
  tenantKey?: string;
  corpId: string;
  /** The app Secret. Never logged, never put in a Redis key (only a sha256 prefix is). */
  corpSecret: string;
  /** The self-built app's AgentId, used by message/send. */
  agentId?: number | string;
  /** Defaults to https://qyapi.weixin.qq.com/cgi-bin/; tests point it at a fake or the simulator. */
  baseUrl?: string;
  /** Defaults to https://open.weixin.qq.com/connect/oauth2/authorize. */
  oauthAuthorizeUrl?: string;
}

export const DEFAULT_BASE_URL = 'https://qyapi.weixin.qq.com/cgi-bin/';
export const DEFAULT_OAUTH_AUTHORIZE_URL = 'https://open.weixin.qq.com/connect/oauth2/authorize';
