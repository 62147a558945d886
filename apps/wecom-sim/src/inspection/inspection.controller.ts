import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CorpStore } from '../state/corp-store';
import { InspectionService } from './inspection.service';

@ApiTags('inspection')
@Controller('sim/corps/:corpId')
export class InspectionController {
  constructor(
    private readonly store: CorpStore,
    private readonly inspect: InspectionService,
  ) {}

  @Get('welcome-messages')
  @ApiOperation({ summary: 'Welcome messages sent: welcome_code, userid, external_userid, text, attachments, sentAt' })
  welcomeMessages(@Param('corpId') corpId: string) {
    return this.inspect.welcomeMessages(this.store.get(corpId));
  }

  @Get('mass-sends')
  @ApiOperation({ summary: 'Mass-send templates with tasks and per-target results' })
  massSends(@Param('corpId') corpId: string) {
    return this.inspect.massSends(this.store.get(corpId));
  }

  @Get('app-messages')
  @ApiQuery({ name: 'userid', required: false })
  @ApiOperation({ summary: 'message/send per recipient, delivered or dropped (over the per-member limit)' })
  appMessages(@Param('corpId') corpId: string, @Query('userid') userid?: string) {
    return this.inspect.appMessages(this.store.get(corpId), userid);
  }

  @Get('relationships')
  @ApiQuery({ name: 'external_userid', required: false })
  @ApiQuery({ name: 'userid', required: false })
  relationships(@Param('corpId') corpId: string, @Query('external_userid') ext?: string, @Query('userid') userid?: string) {
    return this.inspect.relationships(this.store.get(corpId), ext, userid);
  }

  @Get('contact-ways')
  contactWays(@Param('corpId') corpId: string) {
    return this.inspect.contactWays(this.store.get(corpId));
  }

  @Get('tags')
  tags(@Param('corpId') corpId: string) {
    return this.inspect.tags(this.store.get(corpId));
  }

  @Get('group-chats')
  groupChats(@Param('corpId') corpId: string) {
    return this.inspect.groupChats(this.store.get(corpId));
  }

  @Get('calls')
  @ApiQuery({ name: 'api', required: false, description: 'e.g. externalcontact/mark_tag' })
  @ApiQuery({ name: 'since', required: false, description: 'epoch ms (sim clock)' })
  @ApiOperation({ summary: 'Every cgi-bin call: counts by API and errcode, and each call (api, at ms, errcode)' })
  calls(@Param('corpId') corpId: string, @Query('api') api?: string, @Query('since') since?: string) {
    return this.inspect.calls(this.store.get(corpId), api, since ? Number(since) : undefined);
  }
}
