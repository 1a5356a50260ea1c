/**
 * ISO 3166-1 alpha-2 (the network's `country`) to numeric codes (Natural Earth's feature ids), for
 * the countries along the corridors and their neighbours.
 */
const CODES: Readonly<Record<string, string>> = {
  AF: '004',
  AM: '051',
  AT: '040',
  AZ: '031',
  BE: '056',
  BG: '100',
  BY: '112',
  CN: '156',
  CZ: '203',
  DE: '276',
  EE: '233',
  EG: '818',
  FI: '246',
  FR: '250',
  GE: '268',
  GR: '300',
  HU: '348',
  IN: '356',
  IR: '364',
  IT: '380',
  KG: '417',
  KZ: '398',
  LT: '440',
  LV: '428',
  MD: '498',
  MN: '496',
  NL: '528',
  PK: '586',
  PL: '616',
  RO: '642',
  RS: '688',
  RU: '643',
  SK: '703',
  TJ: '762',
  TM: '795',
  TR: '792',
  UA: '804',
  UZ: '860',
  ZA: '710',
};

/** The numeric code of an alpha-2 code (case-insensitive), or undefined when not in the table. */
export function isoNumeric(alpha2: string): string | undefined {
  return CODES[alpha2.toUpperCase()];
}

/** Every alpha-2 code the table knows. */
export const KNOWN_ALPHA2: readonly string[] = Object.keys(CODES);
