import { CreateCorpDto } from './corps/dto/create-corp.dto';

/** The corp `--seed` creates. Callback settings come from SIM_DEMO_CALLBACK_URL / _TOKEN / _AES_KEY when set. */
export function demoCorp(env: NodeJS.ProcessEnv): CreateCorpDto {
  const url = env.SIM_DEMO_CALLBACK_URL;
  return {
    corpId: env.SIM_DEMO_CORP_ID ?? 'wwdemo0000000001',
    corpSecret: env.SIM_DEMO_CORP_SECRET ?? 'demo-secret',
    agentId: Number(env.SIM_DEMO_AGENT_ID ?? 1000002),
    callback: url
      ? { url, token: env.SIM_DEMO_CALLBACK_TOKEN ?? 'simtoken', encodingAESKey: env.SIM_DEMO_CALLBACK_AES_KEY ?? 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C' }
      : undefined,
  };
}
