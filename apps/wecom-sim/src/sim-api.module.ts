import { Module } from '@nestjs/common';
import { DeliveriesController } from './callbacks/deliveries.controller';
import { UrlVerifier } from './callbacks/url-verifier.service';
import { CgiBinModule } from './cgi-bin/cgi-bin.module';
import { ClockController } from './clock/clock.controller';
import { CorpPopulator } from './corps/corp-populator.service';
import { CorpsController } from './corps/corps.controller';
import { CorpsService } from './corps/corps.service';
import { FaultsController } from './faults/faults.controller';
import { InspectionController } from './inspection/inspection.controller';
import { InspectionService } from './inspection/inspection.service';
import { ContactScenariosController } from './scenarios/contact-scenarios.controller';
import { ContactScenarios } from './scenarios/contact-scenarios.service';
import { GroupChatScenariosController } from './scenarios/group-chat-scenarios.controller';
import { GroupChatScenarios } from './scenarios/group-chat-scenarios.service';
import { MassSendScenariosController } from './scenarios/mass-send-scenarios.controller';
import { MassSendScenarios } from './scenarios/mass-send-scenarios.service';
import { TagScenariosController } from './scenarios/tag-scenarios.controller';
import { TagScenarios } from './scenarios/tag-scenarios.service';
import { SeedService } from './seed/seed.service';

/** The simulator's own API under /sim: corps, scenarios, deliveries, inspection, faults, clock. */
@Module({
  imports: [CgiBinModule],
  controllers: [
    CorpsController,
    ContactScenariosController,
    GroupChatScenariosController,
    TagScenariosController,
    MassSendScenariosController,
    DeliveriesController,
    InspectionController,
    FaultsController,
    ClockController,
  ],
  providers: [
    CorpsService,
    CorpPopulator,
    SeedService,
    UrlVerifier,
    ContactScenarios,
    GroupChatScenarios,
    TagScenarios,
    MassSendScenarios,
    InspectionService,
  ],
  exports: [CorpsService, SeedService],
})
export class SimApiModule {}
