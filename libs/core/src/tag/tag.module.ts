import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomerRefResolver } from '../profile/customer-ref';
import { CustomerTagWriter } from './customer-tag.writer';
import { CustomerTag } from './entities/customer-tag.entity';
import { TagCategory } from './entities/tag-category.entity';
import { TagGroup } from './entities/tag-group.entity';
import { Tag } from './entities/tag.entity';
import { TagVisibility } from './tag-visibility';

export const TAG_ENTITIES = [TagCategory, TagGroup, Tag, CustomerTag];

/** The profile store's tag catalogue and customer tags. Global: profiles, audiences and SOPs all write tags. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(TAG_ENTITIES)],
  providers: [CustomerTagWriter, TagVisibility, CustomerRefResolver],
  exports: [TypeOrmModule, CustomerTagWriter, TagVisibility, CustomerRefResolver],
})
export class TagModule {}
