import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The pages render in jsdom on a shared 2-core machine: a slow render is not
// a failure, a missing text still is (it fails after these waits instead).
configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(30_000);

// jsdom has no ResizeObserver; charts keep their initial size.
global.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
