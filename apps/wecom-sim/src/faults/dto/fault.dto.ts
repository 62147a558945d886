import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';

export class ErrcodeFaultDto {
  @ApiPropertyOptional({ description: 'only this corp (default: every corp)' }) @IsOptional() @IsString() corpId?: string;
  @ApiProperty({ example: 'externalcontact/mark_tag', description: 'path after /cgi-bin/' }) @IsString() api: string;
  @ApiProperty({ example: 45035, description: '-1, 45009, 45033, 45035, 41096, 42001, 60020, …' }) @IsInt() errcode: number;
  @ApiProperty({ example: 1, description: 'the next N calls answer errcode' }) @IsInt() @Min(1) count: number;
}

export class LatencyFaultDto {
  @ApiPropertyOptional() @IsOptional() @IsString() corpId?: string;
  @ApiPropertyOptional({ description: 'path after /cgi-bin/ (default: every API)' }) @IsOptional() @IsString() api?: string;
  @ApiProperty({ example: 300 }) @IsInt() @Min(0) ms: number;
}
