import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('works with no variables at all, using the machine defaults', () => {
    const config = loadConfig({});
    expect(config.env.PORT).toBe(3000);
    expect(config.env.DB_NAME).toBe('scrm');
    expect(config.secretsKey).toHaveLength(32);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: '99999', DB_NAME: 'Drop Table', SECRETS_KEY: 'short' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: '99999', DB_NAME: 'Drop Table', SECRETS_KEY: 'short' });
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DB_NAME');
      expect(message).toContain('SECRETS_KEY');
    }
  });

  it('requires the secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRETS_KEY/);
  });

  it('redacts secrets when printed', () => {
    const config = loadConfig({ DB_PASSWORD: 'hunter2', SECRETS_KEY: Buffer.alloc(32, 7).toString('base64') });
    const printed = JSON.stringify(config);
    expect(printed).not.toContain('hunter2');
    expect(printed).not.toContain(Buffer.alloc(32, 7).toString('base64'));
    expect(printed).toContain('[redacted]');
  });
});
