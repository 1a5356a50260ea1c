/** ISO 3166-1 alpha-2 country codes, and their English names. */

const CODES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
  'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
  'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
  'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';

export const COUNTRY_CODES: ReadonlySet<string> = new Set(CODES.split(' '));

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

/**
 * Made on first use: the first `Intl.DisplayNames` of a process loads ICU's region names (≈ 10–25 ms),
 * so the build's snapshot of the embedded network carries the names of its countries
 * (src/io/dataset-snapshot.ts) and a route question on it need not make one.
 */
let names: Intl.DisplayNames | undefined;

/** Names already looked up (or remembered), by code. */
const known = new Map<string, string>();

/** "KZ" → "Kazakhstan"; the code itself when unknown. */
export function countryName(code: string): string {
  const remembered = known.get(code);
  if (remembered !== undefined) return remembered;
  let name = code;
  try {
    names ??= new Intl.DisplayNames(['en'], { type: 'region' });
    name = names.of(code) ?? code;
  } catch {
    // an ill-formed code: shown as it is
  }
  known.set(code, name);
  return name;
}

/** Takes names looked up before, by the same locale data (the caller checks its version). */
export function rememberCountryNames(byCode: Readonly<Record<string, string>>): void {
  for (const [code, name] of Object.entries(byCode)) known.set(code, name);
}

/** A country code from a code or an English name ("Russia" → "RU"), or undefined. */
export function findCountry(text: string): string | undefined {
  const up = text.trim().toUpperCase();
  if (COUNTRY_CODES.has(up)) return up;
  const folded = text.trim().toLowerCase();
  for (const code of COUNTRY_CODES) if (countryName(code).toLowerCase() === folded) return code;
  return undefined;
}
