/** A customer as audience results show them. */
export interface AudienceCustomer {
  id: string;
  externalUserId: string;
  name: string;
  avatar: string;
  gender: number | null;
  type: number | null;
  corpName: string | null;
  position: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  attributes: Record<string, unknown>;
}

export const AUDIENCE_CUSTOMER_COLUMNS = `c.id, c.external_user_id AS "externalUserId", c.name, c.avatar, c.gender, c.type, c.corp_name AS "corpName",
  c.position, c.first_seen_at AS "firstSeenAt", c.last_seen_at AS "lastSeenAt", c.attributes`;
