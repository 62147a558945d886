/**
 * Kinds of tag in the profile store.
 * corp: a WeCom corp tag (mirrored both ways); a customer has it while any of their relationships has it.
 * manual: set by people through our API only. computed: set by rules. interest: weighted, from behaviour.
 */
export const TAG_KINDS = ['corp', 'manual', 'computed', 'interest'] as const;
export type TagKind = (typeof TAG_KINDS)[number];

/** Where a tag on a customer came from. */
export const CUSTOMER_TAG_SOURCES = ['wecom', 'channel', 'sop', 'admin', 'sync', 'bulk', 'rule', 'import'] as const;
export type CustomerTagSource = (typeof CUSTOMER_TAG_SOURCES)[number];

/** Categories nest at most this deep. */
export const MAX_CATEGORY_DEPTH = 3;
