import { backendError } from '../__testUtils__/backendError';
import { fieldError } from './responseErrors';

describe('fieldError', () => {
  it('takes an entry of a list field as the field, with either spelling of its index', async () => {
    const fields = ['entityRefs', 'participants', 'title'] as const;
    expect(
      fieldError(
        await backendError(
          400,
          'InputError',
          'entityRefs[1]: resource:default/gone is not in the catalog',
        ),
        fields,
      ),
    ).toEqual({
      field: 'entityRefs',
      message: 'resource:default/gone is not in the catalog',
    });
    expect(
      fieldError(
        await backendError(400, 'InputError', 'participants.0: too short'),
        fields,
      ),
    ).toEqual({ field: 'participants', message: 'too short' });
  });

  it('finds a field inside the object named by `within`, and only there', async () => {
    const fields = ['participants', 'performedAt'] as const;
    const error = await backendError(
      400,
      'InputError',
      'record.participants: at least one person took part',
    );
    expect(fieldError(error, fields, 'record')).toEqual({
      field: 'participants',
      message: 'at least one person took part',
    });
    expect(fieldError(error, fields)).toEqual({
      message: 'record.participants: at least one person took part',
    });
    expect(
      fieldError(
        await backendError(400, 'InputError', 'other.participants: no'),
        fields,
        'record',
      ),
    ).toEqual({ message: 'other.participants: no' });
  });

  it('names no field for an error other than a 400', async () => {
    expect(
      fieldError(
        await backendError(403, 'NotAllowedError', 'title: not yours'),
        ['title'],
      ),
    ).toEqual({ message: 'title: not yours' });
  });
});
