import { ApiProperty } from '@nestjs/swagger';
import { UserView } from '../../users/user.view';

export class LoginResultView {
  @ApiProperty({ description: 'Bearer token for Authorization: Bearer <token>' }) accessToken: string;
  @ApiProperty({ nullable: true, type: Date }) expiresAt: Date | null;
  @ApiProperty({ type: UserView }) user: UserView;
}
