import { Global, Module } from '@nestjs/common';
import { ClockModule } from '../clock/clock.module';
import { AUDIENCE_MATCHER } from './audience-matcher.port';
import { AudienceMatcherService } from './audience-matcher.service';
import { AudienceAnalysisService } from './audience-analysis.service';
import { AudienceQueryService } from './audience-query.service';
import { AudienceValidator } from './audience-validator';
import { SavedAudience } from './saved-audience.entity';
import { SavedAudiencesService } from './saved-audiences.service';
import { TypeOrmModule } from '@nestjs/typeorm';

const SERVICES = [AudienceValidator, AudienceMatcherService, AudienceQueryService, AudienceAnalysisService, SavedAudiencesService];

/** Audiences (人群圈选): global, because SOPs and bulk tagging match rules through AUDIENCE_MATCHER. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([SavedAudience]), ClockModule],
  providers: [...SERVICES, { provide: AUDIENCE_MATCHER, useExisting: AudienceMatcherService }],
  exports: [...SERVICES, AUDIENCE_MATCHER],
})
export class AudienceModule {}
