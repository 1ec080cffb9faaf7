import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Recording production changes (`POST /changes`, what `baton record-change`
 * and CI pipelines with a service token call). Reading them follows the
 * catalog: a change shows to whoever may see one of its entities.
 * @public
 */
export const changeRecordPermission = createPermission({
  name: 'sre.change.record',
  attributes: { action: 'create' },
});
