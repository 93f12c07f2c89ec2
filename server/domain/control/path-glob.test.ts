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

  it('matches in time linear in the glob and the path, however many wildcards a glob holds', () => {
    // As regular expressions, these took a minute and more per request (nested quantifiers).
    const stars = compilePathGlob(`/${Array(40).fill('**').join('/')}/x`);
    expect(stars(`/${Array(200).fill('a').join('/')}`)).toBe(false);
    expect(stars(`/${Array(200).fill('a').join('/')}/x`)).toBe(true);
    const inSegment = compilePathGlob(`/${'a*'.repeat(50)}b`);
    expect(inSegment(`/${'a'.repeat(5000)}`)).toBe(false);
    expect(inSegment(`/${'a'.repeat(5000)}b`)).toBe(true);
  });

  it('matches a * against the empty string and a ** against no segment', () => {
    expect(compilePathGlob('/a*/b')('/a/b')).toBe(true);
    expect(compilePathGlob('/a/**/b')('/a/b')).toBe(true);
    expect(compilePathGlob('/a/**/b')('/a/x/y/b')).toBe(true);
    expect(compilePathGlob('/a/**/b')('/a/x/y/c')).toBe(false);
    expect(compilePathGlob('/*')('/')).toBe(true);
    expect(compilePathGlob('/a')('/a//')).toBe(false);
  });
});
