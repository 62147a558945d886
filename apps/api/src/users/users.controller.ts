import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UserService } from '@scrm/core';
import { ADMINS, Roles, TenantId } from '@scrm/platform';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserView } from './user.view';

@ApiTags('users')
@Roles(...ADMINS)
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UserService) {}

  @Post()
  @ApiOkResponse({ type: UserView })
  async create(@TenantId() tenantId: string, @Body() dto: CreateUserDto): Promise<UserView> {
    return UserView.of(await this.users.create(tenantId, dto));
  }

  @Get()
  @ApiOkResponse({ type: [UserView] })
  async list(@TenantId() tenantId: string): Promise<UserView[]> {
    return (await this.users.list(tenantId)).map(UserView.of);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserView })
  async get(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<UserView> {
    return UserView.of(await this.users.get(tenantId, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserView })
  async update(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return UserView.of(await this.users.update(tenantId, id, dto));
  }
}
