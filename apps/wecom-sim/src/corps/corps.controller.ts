import { Body, Controller, Delete, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { UrlVerifier } from '../callbacks/url-verifier.service';
import { SeedService } from '../seed/seed.service';
import { CorpStore } from '../state/corp-store';
import { CorpsService } from './corps.service';
import { CallbackDto } from './dto/callback.dto';
import { CorpOptionsDto } from './dto/corp-options.dto';
import { CreateCorpDto } from './dto/create-corp.dto';
import { MembersDto } from './dto/members.dto';
import { SeedDto } from './dto/seed.dto';

@ApiTags('corps')
@Controller('sim/corps')
export class CorpsController {
  constructor(
    private readonly corps: CorpsService,
    private readonly seeder: SeedService,
    private readonly verifier: UrlVerifier,
    private readonly store: CorpStore,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a corp with optional callback, departments, members, console tags, customers, group chats, options' })
  create(@Body() dto: CreateCorpDto) {
    return this.corps.create(dto);
  }

  @Get()
  list() {
    return this.corps.list();
  }

  @Get(':corpId')
  get(@Param('corpId') corpId: string) {
    return this.corps.summary(this.store.get(corpId));
  }

  @Delete(':corpId')
  delete(@Param('corpId') corpId: string) {
    return this.corps.delete(corpId);
  }

  @Put(':corpId/callback')
  @ApiOperation({ summary: 'Point (or re-point) the callback URL, Token and EncodingAESKey' })
  setCallback(@Param('corpId') corpId: string, @Body() dto: CallbackDto) {
    return this.corps.setCallback(corpId, dto);
  }

  @Patch(':corpId/options')
  @ApiOperation({ summary: 'Change limits and callback timings for this corp' })
  setOptions(@Param('corpId') corpId: string, @Body() dto: CorpOptionsDto) {
    return this.corps.setOptions(corpId, dto);
  }

  @Post(':corpId/members')
  @ApiOperation({ summary: 'Add or replace members (e.g. change status to 4 = not activated)' })
  members(@Param('corpId') corpId: string, @Body() dto: MembersDto) {
    return this.corps.upsertMembers(corpId, dto.members);
  }

  @Post(':corpId/seed')
  @ApiOperation({ summary: 'Fill the corp with realistic data (defaults: 20 members, 10000 customers, 8 groups, 50 tags, 200 chats)' })
  seed(@Param('corpId') corpId: string, @Body() dto: SeedDto) {
    return this.seeder.seed(corpId, dto);
  }

  @Post(':corpId/tokens/expire')
  @ApiOperation({ summary: 'Every access_token of the corp expires now (next use → 42001)' })
  expireTokens(@Param('corpId') corpId: string) {
    return this.corps.expireTokens(corpId);
  }

  @Post(':corpId/verify-url')
  @ApiOperation({ summary: "WeCom's URL check: GET ?msg_signature&timestamp&nonce&echostr, expect the bare plaintext within 1 s" })
  verifyUrl(@Param('corpId') corpId: string) {
    return this.verifier.verify(this.store.get(corpId));
  }
}
