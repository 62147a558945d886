import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class ChannelMemberDto {
  @ApiProperty({ example: 'zhangsan' }) @IsString() @Length(1, 64)
  userId: string;

  @ApiPropertyOptional({ default: 1, description: 'Share of adds under the weighted strategy' })
  @IsOptional() @IsInt() @Min(1) @Max(100)
  weight?: number;

  @ApiPropertyOptional({ nullable: true, description: "Adds per local day for this member; overrides the channel's" })
  @IsOptional() @IsInt() @Min(0)
  dailyLimit?: number | null;
}
