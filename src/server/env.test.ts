import { describe, expect, it } from 'vitest';
import { parseConfig } from './env';

describe('configuration', () => {
  it('defaults to the embedded database with the demo school, on port 3000', () => {
    const c = parseConfig({}, '/srv/confer');
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('/srv/confer/data');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.seedDemo).toBe(true);
    expect(c.devMail).toBe(true);
    expect(c.cookieSecure).toBe(false);
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('turns off the demo, the dev outbox and insecure cookies in production', () => {
    const c = parseConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/confer', PUBLIC_URL: 'https://confer.example/' }, '/');
    expect(c.seedDemo).toBe(false);
    expect(c.devMail).toBe(false);
    expect(c.cookieSecure).toBe(true);
    expect(c.publicUrl).toBe('https://confer.example');
  });

  it('refuses bad settings with a list of what is wrong', () => {
    expect(() => parseConfig({ PORT: 'eighty', DATABASE_URL: 'not a url' }, '/')).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });
});
