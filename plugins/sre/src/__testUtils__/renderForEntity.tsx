import type { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { ReactElement } from 'react';
import { SreApi, sreApiRef } from '../api/SreApi';

/** Renders a card or tab on an entity's page, with the given API calls, in English or Japanese. */
export async function renderForEntity(
  element: ReactElement,
  options: { entity: Entity; sreApi: Partial<SreApi>; language?: string },
) {
  await renderInTestApp(
    <EntityProvider entity={options.entity}>{element}</EntityProvider>,
    {
      apis: [
        [sreApiRef, options.sreApi],
        mockApis.appLanguage({
          defaultLanguage: options.language ?? 'en',
          availableLanguages: ['en', 'ja'],
        }),
      ],
    },
  );
}
