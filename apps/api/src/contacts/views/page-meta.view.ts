import { ApiProperty } from '@nestjs/swagger';

/** Paging fields shared by every paged list. */
export class PageMetaView {
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
