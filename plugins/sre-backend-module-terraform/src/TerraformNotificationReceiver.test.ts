import { mockServices } from '@backstage/backend-test-utils';
import { createHmac } from 'crypto';
import { TerraformApiClient } from './TerraformApiClient';
import { TerraformNotificationReceiver } from './TerraformNotificationReceiver';
import { testWorkspaceDirectory } from './__testUtils__/catalog';
import { startFakeTerraformApi } from './__testUtils__/fakeTerraformApi';
import applying from './__fixtures__/notification-run-applying.json';
import completed from './__fixtures__/notification-run-completed.json';
import verification from './__fixtures__/notification-verification.json';
import runApplied from './__fixtures__/run-applied.json';
import userBob from './__fixtures__/user-bob.json';
import unauthorized from './__fixtures__/error-unauthorized.json';

const TOKEN = 'atlasv1-api-token-for-tests';
const sign = (body: string, secret: string) =>
  createHmac('sha512', secret).update(body).digest('hex');
const delivery = (payload: unknown, signature?: string) => {
  const raw = JSON.stringify(payload);
  return {
    rawBody: Buffer.from(raw),
    body: JSON.parse(raw),
    headers:
      signature === undefined
        ? {}
        : { 'x-tfe-notification-signature': signature },
  };
};

describe('TerraformNotificationReceiver', () => {
  let api: Awaited<ReturnType<typeof startFakeTerraformApi>>;
  let receiver: TerraformNotificationReceiver;

  beforeEach(async () => {
    api = await startFakeTerraformApi({
      '/runs/run-CZcmD7eagjhyX0vN': { body: runApplied },
      '/users/user-Dx4gRq1aPhJnUy8s': { body: userBob },
    });
    receiver = new TerraformNotificationReceiver({
      client: new TerraformApiClient({ baseUrl: api.baseUrl, token: TOKEN }),
      workspaces: testWorkspaceDirectory(),
      logger: mockServices.logger.mock(),
    });
  });
  afterEach(() => api.close());

  describe('verifySignature', () => {
    const raw = JSON.stringify(completed);

    it('accepts the hex HMAC-SHA512 of the raw body with the token, in either case', () => {
      const signature = sign(raw, 'notify-token');
      expect(
        receiver.verifySignature(delivery(completed, signature), [
          'notify-token',
        ]),
      ).toBe(true);
      expect(
        receiver.verifySignature(delivery(completed, signature.toUpperCase()), [
          'notify-token',
        ]),
      ).toBe(true);
    });

    it('accepts any of the secrets while the token is changed', () => {
      const signature = sign(raw, 'new-token');
      expect(
        receiver.verifySignature(delivery(completed, signature), [
          'old-token',
          'new-token',
        ]),
      ).toBe(true);
    });

    it('refuses another secret, a changed body, a SHA-256 signature and none at all', () => {
      expect(
        receiver.verifySignature(delivery(completed, sign(raw, 'other')), [
          'notify-token',
        ]),
      ).toBe(false);
      const changed = { ...completed, run_id: 'run-aaaaaaaaaaaaaaaa' };
      expect(
        receiver.verifySignature(delivery(changed, sign(raw, 'notify-token')), [
          'notify-token',
        ]),
      ).toBe(false);
      const sha256 = createHmac('sha256', 'notify-token')
        .update(raw)
        .digest('hex');
      expect(
        receiver.verifySignature(delivery(completed, sha256), ['notify-token']),
      ).toBe(false);
      expect(
        receiver.verifySignature(delivery(completed), ['notify-token']),
      ).toBe(false);
    });
  });

  describe('parse', () => {
    it('stores nothing for the verification and reads no API', async () => {
      await expect(receiver.parse(delivery(verification))).resolves.toEqual([]);
      expect(api.requests).toEqual([]);
    });

    it('stores nothing for triggers before the apply or for workspace events', async () => {
      for (const trigger of [
        'run:created',
        'run:planning',
        'run:needs_attention',
      ]) {
        const payload = structuredClone(applying);
        payload.notifications[0].trigger = trigger;
        await expect(receiver.parse(delivery(payload))).resolves.toEqual([]);
      }
      await expect(
        receiver.parse(
          delivery({
            payload_version: '2',
            trigger_scope: 'assessment',
            trigger: 'assessment:drifted',
          }),
        ),
      ).resolves.toEqual([]);
      expect(api.requests).toEqual([]);
    });

    it('reads the run and maps it to every entity that names the workspace', async () => {
      const [change] = await receiver.parse(delivery(completed));
      expect(change).toMatchObject({
        externalId: 'run-CZcmD7eagjhyX0vN',
        entityRefs: [
          'component:default/checkout-api',
          'component:default/orders-db',
        ],
        outcome: 'succeeded',
        pairs: [{ kind: 'terraform-user', value: 'bob-tfc' }],
      });
      expect(api.requests.map(r => r.path)).toEqual([
        '/runs/run-CZcmD7eagjhyX0vN',
        '/users/user-Dx4gRq1aPhJnUy8s',
      ]);
      expect(api.requests[0].query).toEqual({
        include: 'plan,apply,created_by',
      });
    });

    it('stores nothing for a workspace no entity names', async () => {
      const payload = { ...completed, workspace_name: 'sandbox' };
      await expect(receiver.parse(delivery(payload))).resolves.toEqual([]);
      expect(api.requests).toEqual([]);
    });

    it.each([
      [{ ...completed, payload_version: 3 }, 'payload_version must be 1'],
      [
        { ...completed, notifications: [] },
        'notifications must be a non-empty array',
      ],
      [
        { ...completed, notifications: [{ message: 'x' }] },
        'notifications[0].trigger must be a non-empty string',
      ],
      [{ ...completed, run_id: null }, 'run_id must be a non-empty string'],
      [
        { ...completed, run_id: '../organizations/acme' },
        'run_id must be an HCP Terraform run id',
      ],
      [
        { ...completed, workspace_name: 7 },
        'workspace_name must be a non-empty string',
      ],
      [
        { ...completed, organization_name: '' },
        'organization_name must be a non-empty string',
      ],
    ])(
      'refuses a bad payload naming the field (%#)',
      async (payload, message) => {
        await expect(receiver.parse(delivery(payload))).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringContaining(message),
        });
        expect(api.requests).toEqual([]);
      },
    );

    it('answers a run API failure as unavailable, without the token', async () => {
      api.answers['/runs/run-CZcmD7eagjhyX0vN'] = {
        status: 401,
        body: unauthorized,
      };
      const error = await receiver.parse(delivery(completed)).catch(e => e);
      expect(error.name).toBe('ServiceUnavailableError');
      expect(error.message).toContain(
        'HCP Terraform answered 401: unauthorized',
      );
      expect(error.message).not.toContain(TOKEN);
    });
  });
});
