import { Global, Module } from '@nestjs/common';
import { ClockModule } from '../clock/clock.module';
import { AUDIENCE_MATCHER } from './audience-matcher.port';
import { AudienceMatcherService } from './audience-matcher.service';
import { AudienceValidator } from './audience-validator';

/** Audiences (人群圈选): global, because SOPs and bulk tagging match rules through AUDIENCE_MATCHER. */
@Global()
@Module({
  imports: [ClockModule],
  providers: [AudienceValidator, AudienceMatcherService, { provide: AUDIENCE_MATCHER, useExisting: AudienceMatcherService }],
  exports: [AudienceValidator, AudienceMatcherService, AUDIENCE_MATCHER],
})
export class AudienceModule {}
