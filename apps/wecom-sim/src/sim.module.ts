import { Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CgiBinModule } from './cgi-bin/cgi-bin.module';
import { CgiBinExceptionFilter } from './cgi-bin/shared/cgi-bin-exception.filter';
import { WecomCallInterceptor } from './cgi-bin/shared/wecom-call.interceptor';
import { SimApiModule } from './sim-api.module';
import { StateModule } from './state/state.module';

@Module({
  imports: [StateModule, CgiBinModule, SimApiModule],
  providers: [
    { provide: APP_INTERCEPTOR, useClass: WecomCallInterceptor },
    { provide: APP_FILTER, useClass: CgiBinExceptionFilter },
    // Only /sim takes class DTOs; cgi-bin bodies are plain objects and are validated by the services with WeCom errcodes.
    { provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }) },
  ],
})
export class SimModule {}
