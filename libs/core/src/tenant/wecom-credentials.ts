/** Decrypted WeCom settings of one tenant. Lives in memory only; never logged, never returned. */
export interface WeComCredentials {
  tenantId: string;
  corpId: string;
  agentId: number;
  corpSecret: string;
  callbackToken: string;
  encodingAesKey: string;
  apiBaseUrl: string;
}
