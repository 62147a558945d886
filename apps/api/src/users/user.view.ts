import { ApiProperty } from '@nestjs/swagger';
import { TENANT_ROLES, TenantRole } from '@scrm/platform';
import type { User } from '@scrm/core';

/** A user as the API shows it: never the password hash. */
export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: TENANT_ROLES }) role: TenantRole;
  @ApiProperty({ nullable: true, type: String }) staffUserId: string | null;
  @ApiProperty() disabled: boolean;
  @ApiProperty() createdAt: Date;

  static of(u: User): UserView {
    return Object.assign(new UserView(), {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      staffUserId: u.staffUserId,
      disabled: u.disabledAt !== null,
      createdAt: u.createdAt,
    });
  }
}
