import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { pgPool, TenantRepository } from '@scrm/platform';
import { AddExternalContactEvent, CustomerDetail, isWeComApiError } from '@scrm/wechat-work-sdk';
import { Repository } from 'typeorm';
import { Channel, ifLive } from '../channel/channel.entity';
import { ChannelService } from '../channel/channel.service';
import { Clock } from '../clock/clock';
import { ContactAddFirstStep } from '../inbox/contact-add-first-step';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { WelcomeComposer } from './welcome-composer.service';
import { WelcomeOutcome } from './welcome-outcome.entity';
import { WelcomeStatus } from './welcome.types';

/** A sender holds an add this long (the SDK's 10 s timeout and a little) before another attempt may take it over. */
const CLAIM_TAKEOVER_SECONDS = 12;

// Prepared once per connection: these run for every add.
const CLAIM = {
  name: 'welcome-outcome-claim',
  text: `INSERT INTO welcome_outcomes (tenant_id, add_key, user_id, external_user_id, event_kind, status)
         VALUES ($1, $2, $3, $4, $5, 'pending') ON CONFLICT (tenant_id, add_key) DO NOTHING RETURNING id`,
};
const TAKE_OVER = {
  name: 'welcome-outcome-take-over',
  text: `UPDATE welcome_outcomes SET updated_at = now()
          WHERE tenant_id = $1 AND add_key = $2 AND status = 'pending' AND updated_at < now() - make_interval(secs => $3)
          RETURNING id`,
};
const FINISH = {
  name: 'welcome-outcome-finish',
  text: `UPDATE welcome_outcomes SET status = $3, channel_id = $4, rule_id = $5, variant = $6, errcode = $7, detail = $8, sent_text = $9,
                updated_at = now()
          WHERE tenant_id = $1 AND id = $2`,
};

const NO_CODE_DETAIL = 'WeCom sent no WelcomeCode: the customer chatted with this member before, or a welcome is set in the WeCom console';

/**
 * The first thing done for an add (CONTACT_ADD_FIRST_STEP): the WelcomeCode dies 20 s after the add.
 * Never twice: one outcome row per add (unique add key); a row that is no longer pending is never sent again,
 * and WeCom itself accepts a code only once, so a retry of a pending row cannot greet twice either.
 */
@Injectable()
export class WelcomeSender implements ContactAddFirstStep {
  private readonly logger = new Logger(WelcomeSender.name);
  readonly outcomes: TenantRepository<WelcomeOutcome>;

  constructor(
    @InjectRepository(WelcomeOutcome) repo: Repository<WelcomeOutcome>,
    private readonly channels: ChannelService,
    private readonly composer: WelcomeComposer,
    private readonly wecom: TenantWeCom,
    private readonly clock: Clock,
  ) {
    this.outcomes = new TenantRepository(repo, 'Welcome outcome');
  }

  async beforeAdd(tenantId: string, event: AddExternalContactEvent, customer: CustomerDetail | null): Promise<void> {
    // The claim and the channel lookup side by side: one round trip less before the send.
    const [claim, channel] = await Promise.all([
      this.claim(tenantId, event),
      event.state && event.welcomeCode ? this.liveChannel(tenantId, event.state) : null,
    ]);
    if (!claim) return;
    if (!event.welcomeCode) return this.finish(tenantId, claim, { status: 'no_code', detail: NO_CODE_DETAIL });
    const composed = await this.composer.compose(tenantId, {
      channel,
      userId: event.userId,
      customerName: customer?.external_contact?.name ?? null,
      at: this.clock.now(),
    });
    const chosen = { channelId: channel?.id ?? null, ruleId: composed.rule?.id ?? null, variant: composed.variant };
    if (!composed.rule || (!composed.text && composed.attachments.length === 0)) {
      return this.finish(tenantId, claim, { ...chosen, status: 'no_rule', detail: composed.rule ? 'every attachment media had expired' : 'no welcome rule applies' });
    }
    if (composed.skippedMedia.length) this.logger.warn({ tenantId, skipped: composed.skippedMedia }, 'welcome sent without expired media');
    try {
      const client = await this.wecom.client(tenantId);
      await client.welcome.send({
        welcome_code: event.welcomeCode,
        ...(composed.text ? { text: { content: composed.text } } : {}),
        ...(composed.attachments.length ? { attachments: composed.attachments } : {}),
      });
      await this.finish(tenantId, claim, { ...chosen, status: 'sent', sentText: composed.text });
    } catch (e) {
      if (!isWeComApiError(e)) throw e;
      const status: WelcomeStatus = e.errcode === 41051 ? 'already_chatting' : e.errcode === 41050 ? 'code_expired' : 'failed';
      await this.finish(tenantId, claim, { ...chosen, status, errcode: e.errcode, detail: e.hint });
    }
  }

  /**
   * This add's outcome row, claimed for sending; null when it is settled or another attempt is sending right now
   * (e.g. a stalled job run again while the first run is still alive). Only the attempt that inserted the row sends,
   * or one taking over a claim silent for CLAIM_TAKEOVER_SECONDS: its sender died, and the code may still live.
   */
  private async claim(tenantId: string, event: AddExternalContactEvent): Promise<string | null> {
    const addKey = `${event.userId}:${event.externalUserId}:${event.createTime}`;
    const pool = pgPool(this.outcomes.repo.manager.connection);
    const inserted = await pool.query<{ id: string }>({ ...CLAIM, values: [tenantId, addKey, event.userId, event.externalUserId, event.kind] });
    if (inserted.rows.length) return inserted.rows[0].id;
    const taken = await pool.query<{ id: string }>({ ...TAKE_OVER, values: [tenantId, addKey, CLAIM_TAKEOVER_SECONDS] });
    return taken.rows[0]?.id ?? null;
  }

  /** Settles a claimed row (pending, so every field not given is still empty). */
  private async finish(tenantId: string, id: string, o: Partial<WelcomeOutcome> & { status: WelcomeStatus }): Promise<void> {
    const values = [tenantId, id, o.status, o.channelId ?? null, o.ruleId ?? null, o.variant ?? null, o.errcode ?? null, o.detail ?? null, o.sentText ?? null];
    await pgPool(this.outcomes.repo.manager.connection).query({ ...FINISH, values });
  }

  private async liveChannel(tenantId: string, state: string): Promise<Channel | null> {
    return ifLive(await this.channels.findByState(tenantId, state));
  }

  listOutcomes(tenantId: string, filter: { externalUserId?: string; status?: WelcomeStatus }): Promise<WelcomeOutcome[]> {
    return this.outcomes.find(tenantId, { where: { ...filter }, order: { createdAt: 'DESC' }, take: 200 });
  }
}
