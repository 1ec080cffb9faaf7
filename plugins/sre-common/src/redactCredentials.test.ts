import { redactCredentials } from './redactCredentials';

describe('redactCredentials', () => {
  it.each([
    [
      'https://alice:ghp_fake@github.com/acme/shop.git',
      'https://***@github.com/acme/shop.git',
    ],
    [
      'https://oauth2:glpat-fake@gitlab.example.com/acme/shop.git',
      'https://***@gitlab.example.com/acme/shop.git',
    ],
    // A raw @ in the password.
    [
      'http://alice:p@ss@127.0.0.1:8080/x.git',
      'http://***@127.0.0.1:8080/x.git',
    ],
    [
      "fatal: repository 'http://127.0.0.1:8080/x.git?private_token=glpat-fake/' not found",
      "fatal: repository 'http://127.0.0.1:8080/x.git?private_token=***' not found",
    ],
    [
      'https://host/x.git?ref=main&access_token=abc&sig=def#top',
      'https://host/x.git?ref=main&access_token=***&sig=***#top',
    ],
    [
      'Cloning https://u:t@a.example/x and https://v:w@b.example/y',
      'Cloning https://***@a.example/x and https://***@b.example/y',
    ],
  ])('%s', (text, redacted) => {
    expect(redactCredentials(text)).toBe(redacted);
  });

  it.each([
    'https://github.com/acme/shop.git',
    'git@github.com:acme/shop.git',
    'https://host/x.git?ref=main',
    'alice@shop.example wrote a.ts',
  ])('leaves %s as it is', text => {
    expect(redactCredentials(text)).toBe(text);
  });
});
