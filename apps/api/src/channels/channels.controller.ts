import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadGatewayResponse, ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ChannelAddsService, ChannelService, ChannelStatsService } from '@scrm/core';
import { READERS, Roles, TenantId, WRITERS } from '@scrm/platform';
import { ChannelStatsView, ChannelView, CustomerChannelsView } from './channel.view';
import { CreateChannelDto } from './dto/create-channel.dto';
import { ListChannelsQuery } from './dto/list-channels.query';
import { ChannelStatsQuery } from './dto/stats.query';
import { UpdateChannelDto } from './dto/update-channel.dto';

/** 渠道活码: each channel is a WeCom contact way (multi-member QR code) whose members we rotate. */
@ApiTags('channels')
@Controller('api/v1')
export class ChannelsController {
  constructor(
    private readonly channels: ChannelService,
    private readonly stats: ChannelStatsService,
    private readonly adds: ChannelAddsService,
  ) {}

  @Post('channels')
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: ChannelView, description: 'Created here and in WeCom; qrCode is the QR image URL' })
  @ApiBadRequestResponse({ description: 'Names the invalid field (state, members.0.userId, tagIds.0, dailyLimit, …)' })
  @ApiBadGatewayResponse({ description: 'WeCom refused; the message is WeCom’s' })
  async create(@TenantId() tenantId: string, @Body() dto: CreateChannelDto): Promise<ChannelView> {
    return ChannelView.of(await this.channels.create(tenantId, dto));
  }

  @Get('channels')
  @Roles(...READERS)
  @ApiOkResponse({ type: [ChannelView] })
  async list(@TenantId() tenantId: string, @Query() q: ListChannelsQuery): Promise<ChannelView[]> {
    return (await this.channels.list(tenantId, q)).map(ChannelView.of);
  }

  @Get('channels/:id')
  @Roles(...READERS)
  @ApiOkResponse({ type: ChannelView })
  async get(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<ChannelView> {
    return ChannelView.of(await this.channels.get(tenantId, id));
  }

  @Patch('channels/:id')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: ChannelView })
  @ApiBadGatewayResponse({ description: 'WeCom refused; the message is WeCom’s' })
  async update(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateChannelDto): Promise<ChannelView> {
    return ChannelView.of(await this.channels.update(tenantId, id, dto));
  }

  @Post('channels/:id/enable')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOkResponse({ type: ChannelView })
  async enable(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<ChannelView> {
    return ChannelView.of(await this.channels.setEnabled(tenantId, id, true));
  }

  @Post('channels/:id/disable')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOkResponse({ type: ChannelView, description: 'The QR code keeps working in WeCom; tagging, rotation and channel welcomes stop' })
  async disable(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<ChannelView> {
    return ChannelView.of(await this.channels.setEnabled(tenantId, id, false));
  }

  @Delete('channels/:id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiNoContentResponse({ description: 'Contact way deleted in WeCom; history and stats kept' })
  async remove(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.channels.remove(tenantId, id);
  }

  @Get('channels/:id/stats')
  @Roles(...READERS)
  @ApiOkResponse({ type: ChannelStatsView })
  async channelStats(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string, @Query() q: ChannelStatsQuery): Promise<ChannelStatsView> {
    return this.stats.stats(tenantId, id, q);
  }

  @Get('customers/:externalUserId/channels')
  @Roles(...READERS)
  @ApiOkResponse({ type: CustomerChannelsView, description: 'The first and the latest channel that brought this customer' })
  async customerChannels(@TenantId() tenantId: string, @Param('externalUserId') externalUserId: string): Promise<CustomerChannelsView> {
    const found = await this.adds.channelsOf(tenantId, externalUserId);
    if (!found) throw new NotFoundException('No channel brought this customer');
    return { externalUserId, ...found, first: ChannelView.of(found.first), latest: ChannelView.of(found.latest) };
  }
}
