import { ConfigReader } from '@backstage/config';
import { readGithubConfig } from './GithubConfig';

const read = (github: Record<string, unknown>) =>
  readGithubConfig(new ConfigReader({ sre: { github } } as never));

describe('readGithubConfig', () => {
  it('is undefined without sre.github', () => {
    expect(readGithubConfig(new ConfigReader({ sre: {} }))).toBeUndefined();
  });

  it("takes github.com's API unless a base URL is set", () => {
    expect(read({ token: 'ghp_abc' })).toEqual({
      token: 'ghp_abc',
      baseUrl: 'https://api.github.com',
    });
  });

  it('reads a GitHub Enterprise Server base URL, without its trailing slash', () => {
    expect(
      read({ token: 'ghp_abc', baseUrl: 'https://github.example.com/api/v3/' }),
    ).toEqual({
      token: 'ghp_abc',
      baseUrl: 'https://github.example.com/api/v3',
    });
  });

  it('requires the token', () => {
    expect(() =>
      read({ baseUrl: 'https://github.example.com/api/v3' }),
    ).toThrow(
      'sre.github.token is required: a token that can read the organizations (read:org)',
    );
  });

  it('rejects an empty token', () => {
    expect(() => read({ token: '  ' })).toThrow(
      'sre.github.token must not be empty',
    );
  });

  it.each(['github.example.com', 'ftp://github.example.com/api/v3'])(
    'rejects the base URL %p',
    baseUrl => {
      expect(() => read({ token: 'ghp_abc', baseUrl })).toThrow(
        `sre.github.baseUrl must be an http(s) URL such as https://github.example.com/api/v3; got '${baseUrl}'`,
      );
    },
  );

  it('refuses GitHub App settings rather than ignore them, without showing the key', () => {
    const app = {
      appId: 123456,
      installationId: 7890123,
      privateKey:
        '-----BEGIN RSA PRIVATE KEY-----\nAPPKEYBODY\n-----END RSA PRIVATE KEY-----',
    };
    expect(() => read({ token: 'ghp_abc', app })).toThrow(
      /^sre\.github\.app is not supported: GitHub App authentication is not available in this module yet; set sre\.github\.token instead$/,
    );
  });
});
