import { ConfigReader } from '@backstage/config';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readGithubConfig } from './GithubConfig';

// A GitHub App's key as GitHub generates it (PKCS#1 PEM), made for this run.
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
// What identifies the key in its PEM body, which must never be shown.
const KEY_BODY = privateKey.split('\n')[5];
const APP = { appId: 123456, privateKey, installationId: 7890123 };

const read = (github: Record<string, unknown>) =>
  readGithubConfig(new ConfigReader({ sre: { github } } as never));

/** The message `read` fails with; the private key is in none. */
function failure(github: Record<string, unknown>): string {
  try {
    read(github);
  } catch (error) {
    const message = (error as Error).message;
    expect(message).not.toContain(KEY_BODY);
    return message;
  }
  throw new Error('read did not fail');
}

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

  it('requires a token or an App', () => {
    expect(() =>
      read({ baseUrl: 'https://github.example.com/api/v3' }),
    ).toThrow(
      'sre.github.token or sre.github.app is required: a token that can read the organizations (read:org), or a GitHub App installed on them',
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

  describe('sre.github.app', () => {
    it('reads a GitHub App installation instead of a token', () => {
      expect(read({ app: APP })).toEqual({
        // Without the line break after the PEM's last line.
        app: { ...APP, privateKey: privateKey.trim() },
        baseUrl: 'https://api.github.com',
      });
    });

    it('takes the IDs as strings, as environment variables give them, and a key with its line breaks written as \\n', () => {
      expect(
        read({
          app: {
            appId: '123456',
            privateKey: privateKey.trim().replace(/\n/g, '\\n'),
            installationId: ' 7890123 ',
          },
          baseUrl: 'https://github.example.com/api/v3',
        }),
      ).toEqual({
        app: { ...APP, privateKey: privateKey.trim() },
        baseUrl: 'https://github.example.com/api/v3',
      });
    });

    it('refuses both a token and an App, naming both keys', () => {
      expect(failure({ token: 'ghp_abc', app: APP })).toBe(
        'sre.github.token and sre.github.app are both set; set exactly one of them',
      );
    });

    it.each([
      ['abc', '"abc"'],
      ['7890123x', '"7890123x"'],
      [0, '0'],
      [-7, '-7'],
      [1.5, '1.5'],
      [true, 'true'],
    ])(
      'rejects the installationId %p, naming the key',
      (installationId, shown) => {
        expect(failure({ app: { ...APP, installationId } })).toBe(
          `sre.github.app.installationId must be a positive integer such as 7890123; got ${shown}`,
        );
      },
    );

    it('rejects an appId that is no number, naming the key', () => {
      expect(failure({ app: { ...APP, appId: 'my-app' } })).toBe(
        'sre.github.app.appId must be a positive integer such as 123456; got "my-app"',
      );
    });

    it.each(['appId', 'installationId'])('requires %s', key => {
      const { [key as keyof typeof APP]: _left, ...app } = APP;
      expect(failure({ app })).toMatch(
        new RegExp(`^sre\\.github\\.app\\.${key} is required: `),
      );
    });

    it('requires the private key', () => {
      const { privateKey: _left, ...app } = APP;
      expect(failure({ app })).toBe(
        "sre.github.app.privateKey is required: the GitHub App's private key, PEM",
      );
    });

    it.each([
      ['a key cut short', privateKey.slice(0, 400)],
      ['a key that is not RSA', ecKey()],
      ['the public key', publicKeyOf(privateKey)],
    ])('rejects %s without showing it', (_, key) => {
      expect(failure({ app: { ...APP, privateKey: key } })).toBe(
        "sre.github.app.privateKey must be the GitHub App's RSA private key, PEM (-----BEGIN RSA PRIVATE KEY----- …), as GitHub generates it",
      );
    });

    it('names the key of an App that is no object', () => {
      expect(failure({ app: 'github-app' })).toMatch(/sre\.github\.app/);
    });
  });
});

function ecKey(): string {
  return generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
}

function publicKeyOf(key: string): string {
  return createPublicKey(key)
    .export({ type: 'spki', format: 'pem' })
    .toString();
}
