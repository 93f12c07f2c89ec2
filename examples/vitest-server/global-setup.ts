import { startServer } from 'actito-mock';
import type { TestProject } from 'vitest/node';

/** Starts actito-mock on a free port and hands its URL to the tests (`inject('actitoUrl')`). */
export default async function setup(project: TestProject) {
  const server = await startServer({ progression: 'immediate' });
  project.provide('actitoUrl', server.url);
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    actitoUrl: string;
  }
}
