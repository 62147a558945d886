import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';

/** One Clock per process, so a test that moves it moves it for every service. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
