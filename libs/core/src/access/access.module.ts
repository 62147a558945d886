import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PRINCIPAL_RESOLVER } from '@scrm/platform';
import { Tenant } from '../tenant/tenant.entity';
import { AccessToken } from './access-token.entity';
import { AccessTokenService } from './access-token.service';
import { LoginService } from './login.service';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';
import { UserService } from './user.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, AccessToken, Tenant])],
  providers: [
    AccessTokenService,
    UserService,
    LoginService,
    PasswordHasher,
    { provide: PRINCIPAL_RESOLVER, useExisting: AccessTokenService },
  ],
  exports: [AccessTokenService, UserService, LoginService, PRINCIPAL_RESOLVER],
})
export class AccessModule {}
