import { Global, Module } from '@nestjs/common';
import { Deliverer } from '../callbacks/deliverer.service';
import { FaultService } from '../faults/fault.service';
import { CorpStore } from './corp-store';
import { SimClock } from './sim-clock';

/** One instance per app: every piece of simulator state, so several sims can run in one process. */
@Global()
@Module({
  providers: [CorpStore, SimClock, FaultService, Deliverer],
  exports: [CorpStore, SimClock, FaultService, Deliverer],
})
export class StateModule {}
