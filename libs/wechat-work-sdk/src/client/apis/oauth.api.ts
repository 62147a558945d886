import { DEFAULT_OAUTH_AUTHORIZE_URL } from '../../tenant-config';
import { WeComHttp } from '../wecom-http';

export interface AuthorizeUrlOptions {
  redirectUri: string;
  state?: string;
  scope?: 'snsapi_base' | 'snsapi_privateinfo';
}

/** A member gets `userid`; a non-member gets `openid`. */
export interface OAuthUserInfo {
  userid?: string;
  user_ticket?: string;
  openid?: string;
  external_userid?: string;
}

/** Staff sign-in from inside WeCom. */
export class OAuthApi {
  constructor(private readonly http: WeComHttp) {}

  /** The link to open inside WeCom; it redirects back with ?code= (single use, 5 minutes). */
  buildAuthorizeUrl(opts: AuthorizeUrlOptions): string {
    const { tenant } = this.http;
    const params = new URLSearchParams({
      appid: tenant.corpId,
      redirect_uri: opts.redirectUri,
      response_type: 'code',
      scope: opts.scope ?? 'snsapi_base',
      state: opts.state ?? '',
    });
    if (opts.scope === 'snsapi_privateinfo' && tenant.agentId !== undefined) params.set('agentid', String(tenant.agentId));
    // WeCom requires the #wechat_redirect fragment.
    return `${tenant.oauthAuthorizeUrl ?? DEFAULT_OAUTH_AUTHORIZE_URL}?${params.toString()}#wechat_redirect`;
  }

  getUserInfo(code: string): Promise<OAuthUserInfo> {
    return this.http.request('auth/getuserinfo', { method: 'GET', query: { code } });
  }
}
