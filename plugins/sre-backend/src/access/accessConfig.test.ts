import { ConfigReader } from '@backstage/config';
import { readAccessReviewsConfig } from './accessConfig';

const sre = (accessReviews: object) =>
  new ConfigReader({ sre: { accessReviews } });

describe('readAccessReviewsConfig', () => {
  it('has the documented defaults: notifications on, reminders daily, no campaigns', () => {
    const config = readAccessReviewsConfig(new ConfigReader({}));
    expect(config).toEqual({
      files: undefined,
      admins: [],
      notifications: true,
      reminders: {
        schedule: expect.objectContaining({ frequency: { hours: 24 } }),
        daysBefore: 3,
      },
      campaigns: undefined,
    });
  });

  it('names each admin by its full user ref', () => {
    const config = readAccessReviewsConfig(
      sre({ admins: ['jane', 'user:ben', 'user:ops/kim'] }),
    );
    expect(config.admins).toEqual([
      'user:default/jane',
      'user:default/ben',
      'user:ops/kim',
    ]);
  });

  it('reads files, notifications, reminders and campaigns', () => {
    const config = readAccessReviewsConfig(
      sre({
        files: { github: './access/github.yaml' },
        notifications: false,
        reminders: { daysBefore: 5 },
        campaigns: {
          schedule: { frequency: 'P90D', timeout: 'PT10M' },
          dueDays: 7,
        },
      }),
    );
    expect(config.files).toEqual({ github: './access/github.yaml' });
    expect(config.notifications).toBe(false);
    expect(config.reminders.daysBefore).toBe(5);
    expect(config.campaigns).toEqual({
      schedule: expect.objectContaining({ frequency: { days: 90 } }),
      title: 'Scheduled access review',
      dueDays: 7,
    });
  });

  it('refuses campaigns without a schedule', () => {
    expect(() =>
      readAccessReviewsConfig(sre({ campaigns: { dueDays: 7 } })),
    ).toThrow(/schedule/);
  });
});
