// Callback crypto (§3)
export * from './callback/callback-config';
export * from './callback/callback-errors';
export { verifyUrl, decryptCallback, encryptCallback } from './callback/callback-crypto';
export type { EncryptOptions, EncryptedCallback } from './callback/callback-crypto';

// Callback events
export * from './events/event-types';
export { parseEvent } from './events/parse-event';
export { eventDedupeKey } from './events/event-dedupe-key';

// Errors (§2)
export { WeComApiError, isWeComApiError } from './errors/wecom-api-error';
export type { WeComApiErrorInit } from './errors/wecom-api-error';
export { ERRCODE_TABLE, classifyErrcode } from './errors/errcode-table';
export type { ErrcodeRule, ErrcodeStrategy } from './errors/errcode-table';
export { redact } from './errors/redact';

// Client (§4)
export { WeComClient } from './client/wecom-client';
export { WeComHttp } from './client/wecom-http';
export type { WeComRequest, WeComEnvelope } from './client/wecom-request';
export * from './client/apis/attachment.types';
export * from './client/apis/contact-ways.api';
export * from './client/apis/welcome.api';
export * from './client/apis/corp-tags.api';
export * from './client/apis/customers.api';
export * from './client/apis/mass-send.api';
export * from './client/apis/group-chats.api';
export * from './client/apis/staff.api';
export * from './client/apis/media.api';
export * from './client/apis/oauth.api';
export * from './client/apis/messages.api';

// Configuration and wiring
export * from './tenant-config';
export { resolveSdkOptions } from './sdk-options';
export type { WeComSdkOptions, WeComSdkOptionsInput, RateWindow } from './sdk-options';
export type { WeComLogger } from './logger';
export { WeComClientFactory } from './wecom-client.factory';
export { WeComSdkModule } from './wecom-sdk.module';
export type { WeComSdkModuleOptions } from './wecom-sdk.module';
export { tryLock } from './token/redis-lock';
export type { HeldLock } from './token/redis-lock';
