import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';

export class ConfirmMassSendDto {
  @ApiProperty({ description: 'the member who confirms (sends) their part of the template' }) @IsString() userid: string;
}
