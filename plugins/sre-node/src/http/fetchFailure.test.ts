import { fetchFailureReason } from './fetchFailure';

describe('fetchFailureReason', () => {
  it('says a timeout with its length', () => {
    const timeout = new DOMException('The operation timed out', 'TimeoutError');
    expect(fetchFailureReason(timeout, 30_000)).toBe('no answer within 30s');
  });

  it("takes the cause's code, else its message, else the error's", () => {
    const failed = (cause?: object) =>
      Object.assign(new TypeError('fetch failed'), { cause });
    expect(fetchFailureReason(failed({ code: 'ECONNREFUSED' }), 1000)).toBe(
      'ECONNREFUSED',
    );
    expect(
      fetchFailureReason(failed({ message: 'bad certificate' }), 1000),
    ).toBe('bad certificate');
    expect(fetchFailureReason(failed(), 1000)).toBe('fetch failed');
  });
});
