import { describe, expect, it } from 'vitest';
import { targetUrlProblem } from './target-url.js';

describe('targetUrlProblem', () => {
  it('refuses credentials in the URL, which fetch would refuse on every delivery', () => {
    for (const url of ['http://user:pass@127.0.0.1:9/hook', 'https://user@hooks.example.com/actito'])
      expect(targetUrlProblem(url, true)).toMatch(/cannot carry credentials/);
  });

  it('takes https, and http to a loopback host or with allowHttpTargets', () => {
    expect(targetUrlProblem('https://hooks.example.com/actito', false)).toBeNull();
    expect(targetUrlProblem('http://127.0.0.1:9/hook', false)).toBeNull();
    expect(targetUrlProblem('http://169.254.169.254/', false)).toMatch(/https/);
    expect(targetUrlProblem('http://169.254.169.254/', true)).toBeNull();
    expect(targetUrlProblem('file:///etc/passwd', true)).toMatch(/scheme file:/);
  });
});
