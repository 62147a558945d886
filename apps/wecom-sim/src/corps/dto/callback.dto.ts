import { ApiProperty } from '@nestjs/swagger';
import { IsUrl, Matches } from 'class-validator';

export class CallbackDto {
  @ApiProperty({ example: 'http://localhost:3000/wecom/callback/t1' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  url: string;

  @ApiProperty({ example: 'QDG6eK', description: '≤32 letters or digits' })
  @Matches(/^[A-Za-z0-9]{1,32}$/)
  token: string;

  @ApiProperty({ example: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', description: '43 letters or digits' })
  @Matches(/^[A-Za-z0-9]{43}$/)
  encodingAESKey: string;
}
