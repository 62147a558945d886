import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { serveAheadOfExpress } from '@scrm/platform/http/serve-ahead-of-express';
import { CgiBinFastLane } from './cgi-bin/cgi-bin-fast-lane';
import { cgiBinBodyReader } from './cgi-bin/shared/cgi-bin-body-reader';
import { CorpsService } from './corps/corps.service';
import { demoCorp } from './demo-corp';
import { SeedService } from './seed/seed.service';
import { SimModule } from './sim.module';

export { SimModule } from './sim.module';
export { demoCorp } from './demo-corp';

export interface SimAppOptions {
  /** Create the demo corp (demoCorp()) filled with realistic data. */
  seed?: boolean;
  /** Nest's logger (default off, so tests stay quiet). */
  logger?: boolean;
}

/** The simulator as a Nest app, not yet listening: `await (await createSimApp()).listen(0)`. */
export async function createSimApp(options: SimAppOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(SimModule, { bodyParser: false, logger: options.logger ? undefined : false });
  const fastLane = app.get(CgiBinFastLane);
  serveAheadOfExpress(app, [(req, res) => fastLane.serve(req, res)]);
  app.set('trust proxy', false);
  // WeCom sends no ETag, and hashing every answer is a cost the simulator (sharing the machine under test) should not add.
  app.set('etag', false);
  app.disable('x-powered-by');
  app.use('/cgi-bin', cgiBinBodyReader);
  app.useBodyParser('json', { limit: '50mb' });
  app.useBodyParser('urlencoded', { extended: true });
  app.enableShutdownHooks();
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('wecom-sim')
      .setDescription('Scenario, inspection and fault API of the WeCom simulator. WeCom\'s own API lives under /cgi-bin, as documented by WeCom.')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json' });
  await app.init();
  if (options.seed) {
    const corp = demoCorp(process.env);
    app.get(CorpsService).create(corp);
    app.get(SeedService).seed(corp.corpId, {});
  }
  return app;
}
