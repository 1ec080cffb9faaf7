/**
 * The JSON evidence of an access-review campaign
 * (`GET /access-reviews/{id}/evidence?format=json`), as JSON Schema
 * (draft 2020-12). The document an auditor keeps: the inventory as frozen,
 * with its source and generation time, each decision with reviewer, time
 * and comment, the sign-off, and the audit log with its hash chain, which
 * `verifyAccessAuditChain` recomputes up to `auditChainHead`. Version 2
 * added the audit log.
 * @public
 */
export const ACCESS_EVIDENCE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://baton.dev/schemas/access-review-evidence/v2.json',
  title: 'Baton access-review evidence',
  type: 'object',
  additionalProperties: false,
  required: [
    'schemaVersion',
    'exportedAt',
    'campaign',
    'resources',
    'items',
    'signOff',
    'audit',
    'auditChainHead',
  ],
  properties: {
    schemaVersion: { const: 2 },
    exportedAt: { type: 'string', format: 'date-time' },
    campaign: {
      type: 'object',
      additionalProperties: false,
      required: [
        'id',
        'title',
        'createdAt',
        'createdBy',
        'frozenAt',
        'dueDate',
      ],
      properties: {
        id: { type: 'string' },
        title: { type: 'string' },
        createdAt: { type: 'string', format: 'date-time' },
        createdBy: { type: 'string' },
        frozenAt: {
          type: 'string',
          format: 'date-time',
          description: 'When the inventory was copied into the campaign',
        },
        dueDate: { type: ['string', 'null'], format: 'date' },
      },
    },
    resources: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['resourceRef', 'source', 'generatedAt', 'error'],
        properties: {
          resourceRef: { type: 'string' },
          source: { type: 'string' },
          generatedAt: {
            type: ['string', 'null'],
            format: 'date-time',
            description: 'When the source produced the inventory',
          },
          error: { type: ['string', 'null'] },
        },
      },
    },
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'resourceRef',
          'source',
          'generatedAt',
          'principal',
          'principalKind',
          'userRef',
          'resource',
          'privilege',
          'lastUsedAt',
          'flags',
          'reviewers',
          'decision',
        ],
        properties: {
          id: { type: 'string' },
          resourceRef: { type: 'string' },
          source: { type: 'string' },
          generatedAt: { type: 'string', format: 'date-time' },
          principal: { type: 'string' },
          principalKind: { type: 'string' },
          userRef: { type: ['string', 'null'] },
          resource: { type: 'string' },
          privilege: { type: 'string' },
          lastUsedAt: { type: ['string', 'null'], format: 'date-time' },
          flags: { type: 'array', items: { type: 'string' } },
          reviewers: { type: 'array', items: { type: 'string' } },
          decision: {
            oneOf: [
              { type: 'null' },
              {
                type: 'object',
                additionalProperties: false,
                required: [
                  'decision',
                  'transferTo',
                  'comment',
                  'decidedBy',
                  'decidedAt',
                ],
                properties: {
                  decision: { enum: ['keep', 'revoke', 'transfer'] },
                  transferTo: { type: ['string', 'null'] },
                  comment: { type: ['string', 'null'] },
                  decidedBy: { type: 'string' },
                  decidedAt: { type: 'string', format: 'date-time' },
                },
              },
            ],
          },
        },
      },
    },
    signOff: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['closedBy', 'closedAt'],
          properties: {
            closedBy: { type: 'string' },
            closedAt: { type: 'string', format: 'date-time' },
          },
        },
      ],
    },
    audit: {
      type: 'array',
      description:
        "The campaign's audit log in chain order; each row's hash is SHA-256 over the RFC 8785 canonical JSON of { action, actor, at, campaignId, details, itemId, prevHash, seq }",
      items: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'campaignId',
          'seq',
          'at',
          'actor',
          'action',
          'itemId',
          'details',
          'prevHash',
          'hash',
        ],
        properties: {
          id: { type: 'string' },
          campaignId: { type: 'string' },
          seq: { type: 'integer', minimum: 1 },
          at: { type: 'string', format: 'date-time' },
          actor: { type: 'string' },
          action: {
            enum: [
              'campaign-created',
              'campaign-closed',
              'decision-made',
              'decision-changed',
              'evidence-downloaded',
            ],
          },
          itemId: { type: ['string', 'null'] },
          details: { type: 'object' },
          prevHash: {
            type: 'string',
            pattern: '^[0-9a-f]{64}$',
            description: "The previous row's hash; 64 zeros for the first row",
          },
          hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        },
      },
    },
    auditChainHead: {
      type: 'string',
      pattern: '^[0-9a-f]{64}$',
      description:
        "The last audit row's hash (64 zeros when there is none): keep it to compare later exports against",
    },
  },
} as const;
