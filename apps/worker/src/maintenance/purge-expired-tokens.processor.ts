import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { AccessTokenService } from '@scrm/core';
import { JobName, QueueName } from '@scrm/platform';

@Processor(QueueName.Maintenance)
export class PurgeExpiredTokensProcessor {
  private readonly logger = new Logger(PurgeExpiredTokensProcessor.name);

  constructor(private readonly tokens: AccessTokenService) {}

  @Process(JobName.PurgeExpiredTokens)
  async handle(): Promise<{ purged: number }> {
    const purged = await this.tokens.purgeExpired();
    this.logger.log({ purged }, 'purged expired access tokens');
    return { purged };
  }
}
