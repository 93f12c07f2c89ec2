import { describe, expect, it } from 'vitest';
import { compilePathGlob } from './path-glob.js';

describe('compilePathGlob', () => {
  it('matches any number of segments with **', () => {
    const glob = compilePathGlob('/mass-imports/v5/**');
    expect(glob('/mass-imports/v5')).toBe(true);
    expect(glob('/mass-imports/v5/entities/demo/etl-executions')).toBe(true);
    expect(glob('/mass-imports/v4/entity/demo')).toBe(false);
  });

  it('matches within one segment with *', () => {
    const glob = compilePathGlob('/v5/entities/*/etl-executions/*');
    expect(glob('/v5/entities/demo/etl-executions/1000001')).toBe(true);
    expect(glob('/v5/entities/demo/etl-executions/1000001/output-files')).toBe(false);
    expect(compilePathGlob('/auth/tok*')('/auth/token')).toBe(true);
  });

  it('takes other characters literally and ignores a trailing slash', () => {
    expect(compilePathGlob('/a.b/c')('/a.b/c/')).toBe(true);
    expect(compilePathGlob('/a.b/c')('/axb/c')).toBe(false);
    expect(compilePathGlob('/**')('/')).toBe(true);
    expect(compilePathGlob('/**/output-files')('/v5/entities/demo/etl-executions/1/output-files')).toBe(true);
  });
});
