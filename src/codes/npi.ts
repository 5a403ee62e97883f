// Luhn over the 9 base digits; 24 stands for the card-issuer prefix 80840 (CMS NPI check-digit spec).
const PREFIX_CONSTANT = 24;

/**
 * Whether a string is a well-formed NPI: 10 digits, starting with 1 or 2, with a matching
 * check digit (CMS, "Requirements for the Standard Unique Health Identifier NPI check digit":
 * https://www.cms.gov/Regulations-and-Guidance/Administrative-Simplification/NationalProvIdentStand/Downloads/NPIcheckdigit.pdf). A valid check digit does not prove the NPI was issued.
 * @example
 * isValidNpi('1234567893'); // true
 * isValidNpi('1234567890'); // false
 */
export function isValidNpi(npi: string): boolean {
  if (!/^[12]\d{9}$/.test(npi)) return false;
  let sum = PREFIX_CONSTANT;
  for (let index = 8, double = true; index >= 0; index--, double = !double) {
    let digit = Number(npi[index]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9]);
}
