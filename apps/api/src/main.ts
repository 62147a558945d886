import 'reflect-metadata';
import { runProcess } from '@scrm/platform';
import { createApiApp } from './bootstrap/create-api-app';

runProcess('api', async (config) => {
  const app = await createApiApp();
  await app.listen(config.env.PORT, '0.0.0.0');
  return app;
});
