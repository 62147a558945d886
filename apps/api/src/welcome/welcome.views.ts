import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { WelcomeMedia, WelcomeOutcome, WelcomeRule } from '@scrm/core';
import { WelcomeAttachment, WelcomeVariant, WelcomeWindow, scopeOf } from '@scrm/core';

export class WelcomeRuleView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['channel+member', 'channel', 'member', 'default'] }) scope: string;
  @ApiProperty({ nullable: true, type: String }) channelId: string | null;
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) windows: WelcomeWindow[];
  @ApiProperty({ nullable: true, type: String }) text: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) attachments: WelcomeAttachment[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) variants: WelcomeVariant[];
  @ApiProperty() enabled: boolean;
  @ApiProperty() createdAt: Date;

  static of(r: WelcomeRule): WelcomeRuleView {
    const { tenantId: _t, updatedAt: _u, ...rest } = r;
    return Object.assign(new WelcomeRuleView(), rest, { scope: scopeOf(r) });
  }
}

export class WelcomeMediaView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['image', 'video', 'file'] }) type: string;
  @ApiProperty() filename: string;
  @ApiProperty() contentType: string;
  @ApiProperty({ nullable: true, type: Date, description: 'Last upload to WeCom; re-uploaded after 2 days (media ids live 3)' }) uploadedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;

  static of(m: WelcomeMedia): WelcomeMediaView {
    return Object.assign(new WelcomeMediaView(), { id: m.id, type: m.type, filename: m.filename, contentType: m.contentType, uploadedAt: m.uploadedAt, lastError: m.lastError });
  }
}

export class WelcomeOutcomeView {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiProperty() externalUserId: string;
  @ApiProperty({ description: 'add_external_contact or add_half_external_contact' }) eventKind: string;
  @ApiProperty({ enum: ['pending', 'sent', 'no_code', 'no_rule', 'code_expired', 'already_chatting', 'failed'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) channelId: string | null;
  @ApiProperty({ nullable: true, type: String }) ruleId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The A/B variant sent' }) variant: string | null;
  @ApiProperty({ nullable: true, type: Number }) errcode: number | null;
  @ApiProperty({ nullable: true, type: String }) detail: string | null;
  @ApiProperty({ nullable: true, type: String }) sentText: string | null;
  @ApiProperty() createdAt: Date;

  static of(o: WelcomeOutcome): WelcomeOutcomeView {
    const { tenantId: _t, updatedAt: _u, addKey: _k, ...rest } = o;
    return Object.assign(new WelcomeOutcomeView(), rest);
  }
}

export class RuleVerdictView {
  @ApiProperty() ruleId: string;
  @ApiProperty() name: string;
  @ApiProperty() scope: string;
  @ApiProperty() applies: boolean;
  @ApiProperty() because: string;
}

export class PreviewView {
  @ApiProperty() at: Date;
  @ApiPropertyOptional({ nullable: true, type: Object }) rule: { id: string; name: string } | null;
  @ApiProperty({ description: 'Which rule won and why' }) reason: string;
  @ApiProperty({ type: [RuleVerdictView], description: 'Every candidate rule, best first' }) verdicts: RuleVerdictView[];
  @ApiProperty({ nullable: true, type: String }) variant: string | null;
  @ApiProperty({ nullable: true, type: String }) text: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'As send_welcome_msg would carry them' }) attachments: unknown[];
  @ApiProperty({ type: [String] }) skippedMedia: string[];
}
