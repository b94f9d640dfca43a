import type { SiteContact } from "./schema/site.ts";

/** A `mailto:` link to the address as written (the schema refuses spaces and other odd characters). */
export const mailtoUri = (email: string): string => `mailto:${email}`;

/**
 * A phone number as an international number, for `tel:` links and schema.org's
 * `telephone`: the digits alone, a UK number's leading 0 given as +44 (01632 960000 is
 * +441632960000), a number written with "+" kept as written but for a UK "(0)".
 */
export function internationalPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  // "+44 (0)1632 960000": the 0 in brackets is dialled only from inside the UK.
  if (phone.trim().startsWith("+")) return `+${digits.replace(/^440/, "44")}`;
  return digits.startsWith("0") ? `+44${digits.slice(1)}` : digits;
}

export const telUri = (phone: string): string => `tel:${internationalPhone(phone)}`;

/** The department's contact details as schema.org's Organization carries them. */
export function organisationContact(contact: SiteContact | undefined): Record<string, string> {
  if (!contact) return {};
  return {
    email: contact.email,
    ...(contact.phone ? { telephone: internationalPhone(contact.phone) } : {}),
    ...(contact.address ? { address: contact.address.join(", ") } : {}),
  };
}
