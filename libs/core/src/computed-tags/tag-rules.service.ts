import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { fieldError, invalidFields, TenantRepository } from '@scrm/platform';
import { DataSource, Repository } from 'typeorm';
import { AttributeDefinitions } from '../profile/attributes/attribute-definitions.service';
import { CustomerTagWriter } from '../tag/customer-tag.writer';
import { checkDefinition, RuleDefinition } from './rule-definition';
import { RuleTags } from './rule-tags';
import { DryRunResult, TagRuleEvaluator } from './tag-rule-evaluator';
import { TagRule } from './tag-rule.entity';
import { TagRuleTriggers } from './tag-rule-triggers';

export interface TagRuleInput {
  name: string;
  definition: unknown;
}

/** Computed-tag rules: CRUD, switching on and off, dry runs. Evaluation itself runs in the worker. */
@Injectable()
export class TagRules {
  readonly repo: TenantRepository<TagRule>;

  constructor(
    @InjectRepository(TagRule) repo: Repository<TagRule>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly attributes: AttributeDefinitions,
    private readonly evaluator: TagRuleEvaluator,
    private readonly triggers: TagRuleTriggers,
    private readonly writer: CustomerTagWriter,
  ) {
    this.repo = new TenantRepository(repo, 'Tag rule');
  }

  list(tenantId: string): Promise<TagRule[]> {
    return this.repo.find(tenantId, { order: { createdAt: 'ASC' } });
  }

  get(tenantId: string, id: string): Promise<TagRule> {
    return this.repo.get(tenantId, { id });
  }

  /** Created switched off, with its tag group and (for fixed labels) its tags. */
  async create(tenantId: string, input: TagRuleInput): Promise<TagRule> {
    const definition = await this.check(tenantId, input.definition);
    await this.assertNameFree(tenantId, input.name);
    return this.db.transaction(async (m) => {
      const kind = definition.kind === 'interest' ? 'interest' : 'computed';
      const groupId = await RuleTags.createGroup(m, tenantId, input.name, kind);
      const rule = m.getRepository(TagRule).create({ tenantId, name: input.name, kind: definition.kind, definition, groupId, enabled: false });
      return m.getRepository(TagRule).save(rule);
    });
  }

  /** The kind cannot change (the group's kind follows it); an enabled rule is evaluated again at once. */
  async update(tenantId: string, id: string, input: Partial<TagRuleInput>): Promise<TagRule> {
    const rule = await this.get(tenantId, id);
    if (input.definition !== undefined) {
      const definition = await this.check(tenantId, input.definition);
      if (definition.kind !== rule.kind) throw fieldError('definition.kind', `stays ${rule.kind}; create another rule for another kind`);
      rule.definition = definition;
    }
    if (input.name !== undefined && input.name !== rule.name) {
      await this.assertNameFree(tenantId, input.name);
      rule.name = input.name;
    }
    const saved = await this.db.transaction(async (m) => {
      await RuleTags.renameGroup(m, tenantId, rule.groupId, rule.name);
      return m.getRepository(TagRule).save(rule);
    });
    if (saved.enabled) await this.triggers.runRule(tenantId, saved.id, saved.updatedAt);
    return saved;
  }

  /** On: evaluated over the whole tenant right away. Off: its tags leave every customer. */
  async setEnabled(tenantId: string, id: string, enabled: boolean): Promise<TagRule> {
    const rule = await this.get(tenantId, id);
    const changed = await this.db.transaction(async (m) => {
      await m.query(`UPDATE tag_rules SET enabled = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id, enabled]);
      return enabled ? [] : this.evaluator.clear(m, tenantId, rule);
    });
    this.writer.announce(tenantId, changed);
    const saved = await this.get(tenantId, id);
    if (enabled) await this.triggers.runRule(tenantId, id, saved.updatedAt);
    return saved;
  }

  /** Its tags leave every customer; the group and tags stay, marked deleted, so history still names them. */
  async remove(tenantId: string, id: string): Promise<void> {
    const rule = await this.get(tenantId, id);
    const changed = await this.db.transaction(async (m) => {
      const cleared = await this.evaluator.clear(m, tenantId, rule);
      await RuleTags.retire(m, tenantId, rule.groupId);
      await m.query(`DELETE FROM tag_rules WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
      return cleared;
    });
    this.writer.announce(tenantId, changed);
  }

  async dryRun(tenantId: string, definition: unknown): Promise<DryRunResult> {
    return this.evaluator.dryRun(tenantId, await this.check(tenantId, definition));
  }

  async dryRunStored(tenantId: string, id: string): Promise<DryRunResult> {
    return this.evaluator.dryRun(tenantId, (await this.get(tenantId, id)).definition);
  }

  private async check(tenantId: string, raw: unknown): Promise<RuleDefinition> {
    const checked = checkDefinition(raw);
    if ('errors' in checked) throw invalidFields(checked.errors);
    const d = checked.definition;
    if (d.kind === 'buckets' && d.source.type === 'attribute') {
      const def = (await this.attributes.byKey(tenantId)).get(d.source.key);
      if (!def || (def.type !== 'number' && def.type !== 'date')) throw fieldError('definition.source.key', 'must name a number or date attribute');
    }
    return d;
  }

  private async assertNameFree(tenantId: string, name: string): Promise<void> {
    if (await this.repo.findOne(tenantId, { name })) throw new ConflictException(`A tag rule named ${name} exists`);
  }
}
