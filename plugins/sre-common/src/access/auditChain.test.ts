import { createHash } from 'node:crypto';
import {
  ACCESS_AUDIT_GENESIS_HASH,
  accessAuditCanonicalContent,
  accessAuditHash,
  canonicalJson,
  ChainedAccessAuditEntry,
  verifyAccessAuditChain,
} from './auditChain';

type Row = Omit<ChainedAccessAuditEntry, 'id' | 'seq' | 'prevHash' | 'hash'>;

/** Chains rows as the store appends them. */
function chain(rows: Row[]): ChainedAccessAuditEntry[] {
  const chained: ChainedAccessAuditEntry[] = [];
  let prevHash = ACCESS_AUDIT_GENESIS_HASH;
  rows.forEach((row, index) => {
    const content = { ...row, seq: index + 1, prevHash };
    const entry = {
      ...content,
      id: String(100 + index),
      hash: accessAuditHash(content),
    };
    chained.push(entry);
    prevHash = entry.hash;
  });
  return chained;
}

const rows: Row[] = [
  {
    campaignId: '7',
    at: '2026-11-01T08:00:00.000Z',
    actor: 'user:default/ada',
    action: 'campaign-created',
    itemId: null,
    details: {
      title: 'Q4 review',
      items: 2,
      resources: ['resource:default/x'],
    },
  },
  {
    campaignId: '7',
    at: '2026-11-02T09:00:00.000Z',
    actor: 'user:default/bo',
    action: 'decision-made',
    itemId: '11',
    details: { principal: 'ada@acme.example', decision: 'keep', comment: 'é' },
  },
  {
    campaignId: '7',
    at: '2026-11-03T12:00:00.000Z',
    actor: 'user:default/cy',
    action: 'campaign-closed',
    itemId: null,
    details: { keep: 1, revoke: 0, transfer: 0 },
  },
];

describe('canonicalJson', () => {
  it('sorts keys at every depth, writes no whitespace and leaves undefined out', () => {
    expect(
      canonicalJson({
        b: [3, { z: null, a: 'x"y' }],
        a: true,
        é: 1.5,
        B: undefined,
      }),
    ).toBe('{"a":true,"b":[3,{"a":"x\\"y","z":null}],"é":1.5}');
  });

  it('writes the same text for the same data in any key order', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(
      canonicalJson(JSON.parse('{"b":{"d":3,"c":2},"a":1}')),
    );
  });

  it.each([[NaN], [Infinity], [() => 1], [BigInt(1)]])(
    'refuses %p, which JSON cannot hold',
    value => {
      expect(() => canonicalJson({ value })).toThrow(TypeError);
    },
  );
});

describe('the access audit chain', () => {
  it('hashes the canonical content of a row with SHA-256', () => {
    const first = { ...rows[0], seq: 1, prevHash: ACCESS_AUDIT_GENESIS_HASH };
    expect(accessAuditCanonicalContent(first)).toBe(
      '{"action":"campaign-created","actor":"user:default/ada","at":"2026-11-01T08:00:00.000Z","campaignId":"7","details":{"items":2,"resources":["resource:default/x"],"title":"Q4 review"},"itemId":null,"prevHash":"0000000000000000000000000000000000000000000000000000000000000000","seq":1}',
    );
    // The browser-safe hash agrees with Node's own.
    expect(accessAuditHash(first)).toBe(
      createHash('sha256')
        .update(accessAuditCanonicalContent(first), 'utf8')
        .digest('hex'),
    );
    expect(accessAuditHash(first)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies an intact chain and gives its head, the last hash', () => {
    const entries = chain(rows);
    expect(verifyAccessAuditChain(entries)).toEqual({
      valid: true,
      head: entries[2].hash,
    });
    expect(verifyAccessAuditChain([])).toEqual({
      valid: true,
      head: ACCESS_AUDIT_GENESIS_HASH,
    });
  });

  it('fails at a row whose content changed', () => {
    const entries = chain(rows);
    entries[1] = {
      ...entries[1],
      details: { ...entries[1].details, decision: 'revoke' },
    };
    expect(verifyAccessAuditChain(entries)).toEqual({
      valid: false,
      index: 1,
      seq: 2,
      reason:
        'the row does not hash to its hash: it was changed after it was written',
    });
  });

  it('fails at the row after one whose hash was recomputed to match an edit', () => {
    const entries = chain(rows);
    const edited = { ...entries[1], actor: 'user:default/eve' };
    entries[1] = { ...edited, hash: accessAuditHash(edited) };
    expect(verifyAccessAuditChain(entries)).toMatchObject({
      valid: false,
      seq: 3,
      reason: 'prevHash is not the hash of row 2',
    });
  });

  it('fails where a row was taken out or the rows were reordered', () => {
    const entries = chain(rows);
    expect(verifyAccessAuditChain([entries[0], entries[2]])).toMatchObject({
      valid: false,
      index: 1,
      seq: 3,
    });
    expect(verifyAccessAuditChain([entries[1], entries[0]])).toMatchObject({
      valid: false,
      index: 0,
      seq: 2,
    });
  });

  it('fails where a row is moved to another campaign', () => {
    const entries = chain(rows);
    entries[0] = { ...entries[0], campaignId: '8' };
    expect(verifyAccessAuditChain(entries)).toMatchObject({
      valid: false,
      seq: 1,
    });
  });

  it('fails when the first row does not start from the genesis hash', () => {
    const entries = chain(rows);
    const first = { ...entries[0], prevHash: 'f'.repeat(64) };
    entries[0] = { ...first, hash: accessAuditHash(first) };
    expect(verifyAccessAuditChain(entries)).toMatchObject({
      valid: false,
      seq: 1,
      reason: 'prevHash of the first row is not the genesis hash',
    });
  });
});
