import { Logger } from '@nestjs/common';
import { createSimApp } from './index';
import { demoCorp } from './demo-corp';

async function main(): Promise<void> {
  const seed = process.argv.includes('--seed') || process.env.SIM_SEED === '1';
  const app = await createSimApp({ seed, logger: true });
  const port = Number(process.env.SIM_PORT ?? 4000);
  await app.listen(port);
  const log = new Logger('wecom-sim');
  log.log(`WeCom simulator on http://localhost:${port} (WeCom API /cgi-bin, scenarios /sim, docs /docs)`);
  if (seed) {
    const corp = demoCorp(process.env);
    log.log(`demo corp: corpid=${corp.corpId} corpsecret=${corp.corpSecret} agentid=${corp.agentId}${corp.callback ? ` callback=${corp.callback.url}` : ' (no callback: PUT /sim/corps/:corpId/callback)'}`);
  }
}

void main();
