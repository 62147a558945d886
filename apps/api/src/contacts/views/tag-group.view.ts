import { ApiProperty } from '@nestjs/swagger';

export class CorpTagView {
  @ApiProperty() tagId: string;
  @ApiProperty() name: string;
  @ApiProperty() order: number;
  @ApiProperty() deleted: boolean;
}

export class TagGroupView {
  @ApiProperty() groupId: string;
  @ApiProperty() name: string;
  @ApiProperty() order: number;
  @ApiProperty() deleted: boolean;
  @ApiProperty({ type: [CorpTagView] }) tags: CorpTagView[];
}
