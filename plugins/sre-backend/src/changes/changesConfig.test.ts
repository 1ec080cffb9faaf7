import { ConfigReader } from '@backstage/config';
import { DEFAULT_CHANGE_POLICY } from '@baton/plugin-sre-common';
import { readChangesConfig } from './changesConfig';

const sre = (changes: object) => new ConfigReader({ sre: { changes } });

const tokyo = {
  timeZone: 'Asia/Tokyo',
  days: [1, 2, 3, 4, 5],
  start: '09:30',
  end: '18:30',
  holidays: ['2026-11-23'],
};

describe('readChangesConfig', () => {
  it('has the documented defaults', () => {
    const config = readChangesConfig(new ConfigReader({}));
    expect(config.policy).toEqual(DEFAULT_CHANGE_POLICY);
    expect(config.teamWorkingHours.size).toBe(0);
    expect(config.schedule.frequency).toEqual({ minutes: 30 });
  });

  it('reads the default and per-team working hours, the window and the schedule', () => {
    const config = readChangesConfig(
      sre({
        workingHours: {
          timeZone: 'Europe/Paris',
          start: '08:00',
          end: '17:00',
        },
        teams: [{ group: 'group:default/Platform', workingHours: tokyo }],
        alertWindowMinutes: 60,
        slowApply: { risePercent: 40 },
        schedule: { frequency: 'PT5M', timeout: 'PT1M' },
      }),
    );
    expect(config.policy.workingHours).toEqual({
      timeZone: 'Europe/Paris',
      days: [1, 2, 3, 4, 5],
      start: '08:00',
      end: '17:00',
    });
    // Refs are kept in lower case, as the catalog's relations hold them.
    expect(config.teamWorkingHours.get('group:default/platform')).toEqual(
      tokyo,
    );
    expect(config.policy.alertWindowMinutes).toBe(60);
    expect(config.policy.slowApply).toEqual({
      ...DEFAULT_CHANGE_POLICY.slowApply,
      risePercent: 40,
    });
    expect(config.schedule.frequency).toEqual({ minutes: 5 });
  });

  it('refuses bad working hours, naming the key', () => {
    expect(() =>
      readChangesConfig(
        sre({
          teams: [
            { group: 'platform', workingHours: tokyo },
            {
              group: 'product',
              workingHours: { ...tokyo, timeZone: 'Mars/Olympus' },
            },
          ],
        }),
      ),
    ).toThrow("sre.changes.teams[1].workingHours.timeZone: 'Mars/Olympus'");
    expect(() =>
      readChangesConfig(
        sre({ workingHours: { ...tokyo, start: '19:00', end: '18:00' } }),
      ),
    ).toThrow('sre.changes.workingHours.end: must be after');
    expect(() =>
      readChangesConfig(
        sre({ teams: [{ group: 'component:default/x', workingHours: tokyo }] }),
      ),
    ).toThrow('sre.changes.teams[0].group');
  });

  it('refuses a window out of bounds, naming the key', () => {
    expect(() => readChangesConfig(sre({ alertWindowMinutes: -5 }))).toThrow(
      'sre.changes.alertWindowMinutes',
    );
  });
});
