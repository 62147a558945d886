import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'acme', description: 'Tenant slug' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'tenant must be a tenant slug' })
  tenant: string;

  @ApiProperty() @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ writeOnly: true }) @IsString() @Length(1, 128)
  password: string;
}
