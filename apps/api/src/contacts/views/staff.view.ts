import { ApiProperty } from '@nestjs/swagger';

export class StaffView {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: Number, description: '1 active, 2 disabled, 4 not activated, 5 left' }) status: number | null;
  @ApiProperty({ description: 'allowed to have customers (get_follow_user_list)' }) followUser: boolean;
  @ApiProperty({ nullable: true, type: Date }) syncedAt: Date | null;
  @ApiProperty() activeCustomers: number;
}
