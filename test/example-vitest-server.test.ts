import { testExample } from './helpers/example-project.js';

// A file per example, so the two install and run side by side.
testExample('vitest-server');
