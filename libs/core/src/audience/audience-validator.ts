import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FieldError, invalidFields } from '@scrm/platform';
import { DataSource } from 'typeorm';
import type { AudienceRule } from './audience-rule';
import type { AttributeInfo } from './audience-fields';
import { checkRuleShape, RuleReferences } from './audience-shape';

export interface ValidateOptions {
  /** The caller's role: tags of groups hidden from it are unknown to its rules (TagVisibility). */
  role?: string;
  /** Also check that tags, channels, staff and groups exist (false for rules saved earlier: a deleted tag then matches nobody). */
  references?: boolean;
}

/** Checks rules against the language and one tenant's catalogue; a bad rule is a 400 naming each offending path. */
@Injectable()
export class AudienceValidator {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Answers the tenant's attribute definitions (the compiler needs their types) once the rule is known good. */
  async check(tenantId: string, rule: unknown, path: string, opts: ValidateOptions = {}): Promise<Map<string, AttributeInfo>> {
    const attributes = await this.attributes(tenantId);
    const { errors, refs } = checkRuleShape(rule, path, attributes);
    if (errors.length === 0 && opts.references !== false) errors.push(...(await this.missingReferences(tenantId, refs, opts.role)));
    if (errors.length > 0) throw invalidFields(errors);
    return attributes;
  }

  async attributes(tenantId: string): Promise<Map<string, AttributeInfo>> {
    const rows = (await this.db.query(`SELECT key, type, allowed_values FROM attribute_definitions WHERE tenant_id = $1`, [tenantId])) as Array<{
      key: string;
      type: AttributeInfo['type'];
      allowed_values: string[] | null;
    }>;
    return new Map(rows.map((r) => [r.key, { type: r.type, allowedValues: r.allowed_values }]));
  }

  private async missingReferences(tenantId: string, refs: RuleReferences, role?: string): Promise<FieldError[]> {
    const tags = await this.existing(
      tenantId,
      refs.tags,
      // A tag hidden from the caller's role is as unknown to it as a tag that does not exist.
      `SELECT t.id::text AS id FROM tags t JOIN tag_groups g ON g.tenant_id = t.tenant_id AND g.id = t.group_id
        WHERE t.tenant_id = $1 AND t.id = ANY($2::uuid[]) AND NOT t.deleted
          AND ($3::text IS NULL OR g.allowed_roles IS NULL OR $3 = ANY(g.allowed_roles))`,
      [role ?? null],
    );
    const channels = await this.existing(tenantId, refs.channels, `SELECT id::text AS id FROM channels WHERE tenant_id = $1 AND id = ANY($2::uuid[])`);
    const staff = await this.existing(tenantId, refs.staff, `SELECT user_id AS id FROM staff_members WHERE tenant_id = $1 AND user_id = ANY($2::text[])`);
    const groups = await this.existing(tenantId, refs.groups, `SELECT chat_id AS id FROM group_chats WHERE tenant_id = $1 AND chat_id = ANY($2::text[])`);
    const missing = (list: Array<{ id: string; path: string }>, found: Set<string>, what: string) =>
      list.filter((r) => !found.has(r.id)).map((r) => ({ field: r.path, errors: [`unknown ${what}`] }));
    return [
      ...missing(refs.tags, tags, 'tag'),
      ...missing(refs.channels, channels, 'channel'),
      ...missing(refs.staff, staff, 'staff member'),
      ...missing(refs.groups, groups, 'group chat'),
    ];
  }

  private async existing(tenantId: string, refs: Array<{ id: string }>, sql: string, extra: unknown[] = []): Promise<Set<string>> {
    if (refs.length === 0) return new Set();
    const rows = (await this.db.query(sql, [tenantId, [...new Set(refs.map((r) => r.id))], ...extra])) as Array<{ id: string }>;
    return new Set(rows.map((r) => r.id));
  }
}
