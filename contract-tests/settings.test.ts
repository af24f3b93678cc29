/** CONTRACT_UPSTREAM / CONTRACT_API_KEY (+ CONTRACT_SEED, CONTRACT_RUNS): the two modes, and a clear error for every bad mix. */
import { settingsFromEnv } from './support/settings';

describe('settingsFromEnv', () => {
  it('runs against the mock when neither variable is set', () => {
    expect(settingsFromEnv({})).toEqual({ mode: 'mock' });
    expect(settingsFromEnv({ CONTRACT_UPSTREAM: '', CONTRACT_API_KEY: '' })).toEqual({
      mode: 'mock',
    });
  });

  it('runs against the upstream when both are set', () => {
    expect(
      settingsFromEnv({
        CONTRACT_UPSTREAM: 'https://staging.example.com/api/',
        CONTRACT_API_KEY: 'sk-1',
      }),
    ).toEqual({ mode: 'proxy', upstream: 'https://staging.example.com/api', apiKey: 'sk-1' });
  });

  it('passes the seed and the number of generated cases on to the contract checks', () => {
    expect(
      settingsFromEnv({
        CONTRACT_UPSTREAM: 'http://127.0.0.1:8080',
        CONTRACT_API_KEY: 'sk-1',
        CONTRACT_SEED: '0',
        CONTRACT_RUNS: '500',
      }),
    ).toEqual({
      mode: 'proxy',
      upstream: 'http://127.0.0.1:8080',
      apiKey: 'sk-1',
      seed: 0,
      runs: 500,
    });
  });

  it.each([
    [{ CONTRACT_API_KEY: 'sk-secret' }, /CONTRACT_UPSTREAM is not/],
    [
      { CONTRACT_UPSTREAM: 'http://127.0.0.1', CONTRACT_API_KEY: 'sk-secret', CONTRACT_SEED: 'x' },
      /CONTRACT_SEED="x" must be a whole number >= 0/,
    ],
    [
      { CONTRACT_UPSTREAM: 'http://127.0.0.1', CONTRACT_API_KEY: 'sk-secret', CONTRACT_RUNS: '0' },
      /CONTRACT_RUNS="0" must be a whole number >= 1/,
    ],
    [{ CONTRACT_UPSTREAM: 'https://staging.example.com' }, /CONTRACT_API_KEY is not/],
    [{ CONTRACT_UPSTREAM: 'staging', CONTRACT_API_KEY: 'sk-secret' }, /is not a URL/],
    [{ CONTRACT_UPSTREAM: 'ftp://staging', CONTRACT_API_KEY: 'sk-secret' }, /http\(s\) URL/],
  ])('refuses %j, saying what to set', (env, message) => {
    expect(() => settingsFromEnv(env)).toThrow(message);
    expect(() => settingsFromEnv(env)).not.toThrow(/sk-secret/);
  });
});
