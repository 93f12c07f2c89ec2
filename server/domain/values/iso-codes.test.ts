import { expect, it } from 'vitest';
import { COUNTRY_CODES, LANGUAGE_CODES } from './iso-codes.js';

/**
 * The shipped lists are checked against ICU's display names over every two-letter combination, in
 * both directions. ICU also names codes that are not (or no longer) ISO 639-1 / ISO 3166-1 assigned
 * codes; each one is listed here with the reason it stays out of the sets.
 */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALL_PAIRS = [...LETTERS].flatMap((first) => [...LETTERS].map((second) => first + second));

/** Withdrawn ISO 639-1 codes, kept by ICU as aliases of their replacements. */
const LANGUAGE_EXCEPTIONS: Record<string, string> = {
  IN: 'withdrawn in 1989, now ID (Indonesian)',
  IW: 'withdrawn in 1989, now HE (Hebrew)',
  JI: 'withdrawn in 1989, now YI (Yiddish)',
  JW: 'withdrawn in 2001, now JV (Javanese)',
  MO: 'withdrawn in 2008, now RO (Romanian)',
  SH: 'withdrawn in 2000, Serbo-Croatian: now SR, HR or BS',
};

/** ICU region codes that ISO 3166-1 does not assign to a country. */
const COUNTRY_EXCEPTIONS: Record<string, string> = {
  AC: 'exceptionally reserved (Ascension Island, part of SH)',
  CP: 'exceptionally reserved (Clipperton Island, part of FR)',
  CQ: 'exceptionally reserved (Sark, part of GG)',
  DG: 'exceptionally reserved (Diego Garcia, part of IO)',
  EA: 'exceptionally reserved (Ceuta and Melilla, part of ES)',
  EU: 'exceptionally reserved (European Union)',
  EZ: 'exceptionally reserved (Eurozone)',
  FX: 'exceptionally reserved (Metropolitan France, part of FR)',
  IC: 'exceptionally reserved (Canary Islands, part of ES)',
  TA: 'exceptionally reserved (Tristan da Cunha, part of SH)',
  UK: 'exceptionally reserved; the United Kingdom is GB',
  UN: 'exceptionally reserved (United Nations)',
  AN: 'withdrawn in 2010 (Netherlands Antilles, now CW, SX, BQ)',
  BU: 'withdrawn in 1989 (Burma, now MM)',
  CS: 'withdrawn in 2006 (Serbia and Montenegro, now RS, ME)',
  DD: 'withdrawn in 1990 (East Germany, now DE)',
  DY: 'withdrawn in 1977 (Dahomey, now BJ)',
  HV: 'withdrawn in 1984 (Upper Volta, now BF)',
  NH: 'withdrawn in 1980 (New Hebrides, now VU)',
  RH: 'withdrawn in 1980 (Southern Rhodesia, now ZW)',
  SU: 'withdrawn in 1992 (USSR)',
  TP: 'withdrawn in 2002 (East Timor, now TL)',
  VD: 'withdrawn in 1977 (North Vietnam, now VN)',
  YD: 'withdrawn in 1990 (South Yemen, now YE)',
  YU: 'withdrawn in 2003 (Yugoslavia)',
  ZR: 'withdrawn in 1997 (Zaire, now CD)',
  QO: 'user-assigned (CLDR: Outlying Oceania)',
  XA: 'user-assigned (CLDR: pseudo-locale)',
  XB: 'user-assigned (CLDR: pseudo-locale)',
  XK: 'user-assigned (Kosovo: widely used, but not assigned by ISO 3166)',
  ZZ: 'user-assigned (CLDR: unknown region)',
};

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const hasLanguageName = (code: string) => languageNames.of(code.toLowerCase()) !== undefined;
const hasRegionName = (code: string) => regionNames.of(code) !== undefined;

it('ships the 184 ISO 639-1 language codes and the 249 ISO 3166-1 country codes', () => {
  expect(LANGUAGE_CODES.size).toBe(184);
  expect(COUNTRY_CODES.size).toBe(249);
});

it('names every shipped language code in ICU', () => {
  expect([...LANGUAGE_CODES].filter((code) => !hasLanguageName(code))).toEqual([]);
});

it('ships every two-letter language ICU names, bar the listed exceptions', () => {
  const missing = ALL_PAIRS.filter((code) => hasLanguageName(code) && !LANGUAGE_CODES.has(code));
  expect(missing.filter((code) => !(code in LANGUAGE_EXCEPTIONS))).toEqual([]);
});

it('names every shipped country code in ICU', () => {
  expect([...COUNTRY_CODES].filter((code) => !hasRegionName(code))).toEqual([]);
});

it('ships every two-letter region ICU names, bar the listed exceptions', () => {
  const missing = ALL_PAIRS.filter((code) => hasRegionName(code) && !COUNTRY_CODES.has(code));
  expect(missing.filter((code) => !(code in COUNTRY_EXCEPTIONS))).toEqual([]);
});

it('keeps no exception in the shipped sets', () => {
  expect(Object.keys(LANGUAGE_EXCEPTIONS).filter((code) => LANGUAGE_CODES.has(code))).toEqual([]);
  expect(Object.keys(COUNTRY_EXCEPTIONS).filter((code) => COUNTRY_CODES.has(code))).toEqual([]);
});
