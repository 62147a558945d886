import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../clock/clock.module';
import { CustomerRefResolver } from '../profile/customer-ref';
import { WeComModule } from '../wecom/wecom.module';
import { CorpCatalogueReconciler } from './corp-catalogue.reconciler';
import { CorpTagProjection } from './corp-tag-projection';
import { CorpTagProjectionListener } from './corp-tag-projection.listener';
import { CorpTagRefresher } from './corp-tag-refresher';
import { CustomerTagWriter } from './customer-tag.writer';
import { CustomerTagging } from './customer-tagging.service';
import { CustomerTagsService } from './customer-tags.service';
import { CustomerTag } from './entities/customer-tag.entity';
import { TagCategory } from './entities/tag-category.entity';
import { TagDailyAddition } from './entities/tag-daily-addition.entity';
import { TagGroup } from './entities/tag-group.entity';
import { TagJob } from './entities/tag-job.entity';
import { Tag } from './entities/tag.entity';
import { TagCatalogueRead } from './tag-catalogue.read';
import { TagCategoriesService } from './tag-categories.service';
import { TagGroupsService } from './tag-groups.service';
import { TagJobRunner } from './tag-job.runner';
import { TagJobsService } from './tag-jobs.service';
import { TagStatsService } from './tag-stats.service';
import { TagVisibility } from './tag-visibility';
import { TagsService } from './tags.service';

export const TAG_ENTITIES = [TagCategory, TagGroup, Tag, CustomerTag, TagJob, TagDailyAddition];

const SERVICES = [
  CustomerTagWriter,
  TagVisibility,
  CustomerRefResolver,
  CorpCatalogueReconciler,
  CorpTagRefresher,
  CorpTagProjection,
  TagCatalogueRead,
  TagCategoriesService,
  TagGroupsService,
  TagsService,
  CustomerTagging,
  CustomerTagsService,
  TagStatsService,
  TagJobsService,
  TagJobRunner,
];

/**
 * The profile store's tag catalogue (corp tags mirrored both ways with WeCom, local kinds here only), customer
 * tags, stats and bulk tagging. Global: profiles, audiences and SOPs all read and write tags.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(TAG_ENTITIES), WeComModule, ClockModule],
  providers: [...SERVICES, CorpTagProjectionListener],
  exports: [TypeOrmModule, ...SERVICES],
})
export class TagModule {}
