/**
 * Who may call each route: the authorisation matrix checks behaviour against it, the DTO fuzz picks its caller
 * from it. 'signature' routes authenticate by WeCom's callback signature instead of a token.
 */
export type Caller = 'admin' | 'marketer' | 'viewer' | 'staff' | 'operator';
export type Rule = 'public' | 'signature' | Caller[];

const READ: Caller[] = ['admin', 'marketer', 'viewer'];
const WRITE: Caller[] = ['admin', 'marketer'];
const ADMIN: Caller[] = ['admin'];
const ANY_ROLE: Caller[] = ['admin', 'marketer', 'viewer', 'staff'];
const OPERATOR_ONLY: Caller[] = ['operator'];
/** Inbox events are operational data: admins act on them, viewers (e.g. support) may look. */
const INBOX_READ: Caller[] = ['admin', 'viewer'];

export const ACCESS_TABLE: Record<string, Rule> = {
  'GET /health': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': ANY_ROLE,
  'POST /api/v1/platform/tenants': OPERATOR_ONLY,
  'GET /api/v1/platform/tenants': OPERATOR_ONLY,
  'GET /api/v1/platform/tenants/{id}': OPERATOR_ONLY,
  'PATCH /api/v1/platform/tenants/{id}/status': OPERATOR_ONLY,
  'GET /api/v1/tenant': READ,
  'PUT /api/v1/tenant/wecom': ADMIN,
  'POST /api/v1/users': ADMIN,
  'GET /api/v1/users': ADMIN,
  'GET /api/v1/users/{id}': ADMIN,
  'PATCH /api/v1/users/{id}': ADMIN,
  'POST /api/v1/api-keys': ADMIN,
  'GET /api/v1/api-keys': ADMIN,
  'DELETE /api/v1/api-keys/{id}': ADMIN,
  'GET /wecom/callback/{tenantId}': 'signature',
  'POST /wecom/callback/{tenantId}': 'signature',
  'GET /api/v1/inbox': INBOX_READ,
  'GET /api/v1/inbox/{id}': INBOX_READ,
  'POST /api/v1/inbox/replay': ADMIN,
  'POST /api/v1/inbox/{id}/replay': ADMIN,
  'GET /api/v1/platform/inbox/rejections': OPERATOR_ONLY,
  // events
  'GET /api/v1/customers': READ,
  'GET /api/v1/customers/{externalUserId}': READ,
  'GET /api/v1/group-chats': READ,
  'GET /api/v1/group-chats/{chatId}': READ,
  'GET /api/v1/tags': READ,
  'GET /api/v1/staff': READ,
  'POST /api/v1/sync': ADMIN,
  'GET /api/v1/sync/runs': READ,
  'GET /api/v1/sync/runs/{id}': READ,
  // channels + welcome
  'POST /api/v1/channels': WRITE,
  'GET /api/v1/channels': READ,
  'GET /api/v1/channels/{id}': READ,
  'PATCH /api/v1/channels/{id}': WRITE,
  'DELETE /api/v1/channels/{id}': WRITE,
  'POST /api/v1/channels/{id}/enable': WRITE,
  'POST /api/v1/channels/{id}/disable': WRITE,
  'GET /api/v1/channels/{id}/stats': READ,
  'GET /api/v1/customers/{externalUserId}/channels': READ,
  'POST /api/v1/welcome/rules': WRITE,
  'GET /api/v1/welcome/rules': READ,
  'GET /api/v1/welcome/rules/{id}': READ,
  'PATCH /api/v1/welcome/rules/{id}': WRITE,
  'DELETE /api/v1/welcome/rules/{id}': WRITE,
  'POST /api/v1/welcome/media': WRITE,
  'GET /api/v1/welcome/media': READ,
  'POST /api/v1/welcome/preview': READ,
  'GET /api/v1/welcome/outcomes': READ,
  // attributes, events, computed tags
  'POST /api/v1/attributes': WRITE,
  'GET /api/v1/attributes': READ,
  'GET /api/v1/attributes/{id}': READ,
  'PATCH /api/v1/attributes/{id}': WRITE,
  'DELETE /api/v1/attributes/{id}': WRITE,
  'PATCH /api/v1/customers/{ref}/attributes': WRITE,
  'POST /api/v1/customers/attributes/import': WRITE,
  'POST /api/v1/events': WRITE,
  'GET /api/v1/customers/{ref}/events': READ,
  'POST /api/v1/tag-rules': WRITE,
  'GET /api/v1/tag-rules': READ,
  'POST /api/v1/tag-rules/dry-run': READ,
  'GET /api/v1/tag-rules/{id}': READ,
  'PATCH /api/v1/tag-rules/{id}': WRITE,
  'DELETE /api/v1/tag-rules/{id}': WRITE,
  'POST /api/v1/tag-rules/{id}/enable': WRITE,
  'POST /api/v1/tag-rules/{id}/disable': WRITE,
  'POST /api/v1/tag-rules/{id}/dry-run': READ,
  // audiences
  'POST /api/v1/audiences/count': READ,
  'POST /api/v1/audiences/sample': READ,
  'POST /api/v1/audiences/list': READ,
  'POST /api/v1/audiences/export': WRITE,
  'POST /api/v1/audiences/analysis': READ,
  'POST /api/v1/audiences': WRITE,
  'GET /api/v1/audiences': READ,
  'GET /api/v1/audiences/{id}': READ,
  'PATCH /api/v1/audiences/{id}': WRITE,
  'DELETE /api/v1/audiences/{id}': WRITE,
  'POST /api/v1/audiences/{id}/refresh': WRITE,
  // 360° view
  'GET /api/v1/customers/{ref}/profile': READ,
  'GET /api/v1/customers/{ref}/timeline': READ,
};
