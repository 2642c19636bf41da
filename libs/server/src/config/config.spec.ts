import { ConfigError, bytes, loadConfig } from './config';

describe('config', () => {
  it('has defaults for local use', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.CORS_ORIGINS).toContain('http://localhost:4200');
  });
  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });
  it('refuses the development secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });
  it('parses sizes', () => {
    expect(bytes('100kb')).toBe(102400);
    expect(bytes('1mb')).toBe(1048576);
  });
});
