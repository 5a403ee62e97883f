// Patient, and the signing provider with their practice: Practitioner, PractitionerRole, Organization.
import { codingsIn, SYSTEMS } from './code-systems.js';
import { ambiguity, type Draft } from './draft.js';
import { setAddress, setDate, setName, setTelecom } from './elements.js';
import type { Located } from './read-bundle.js';
import type { Identifier } from './resources.js';

const TITLES = ['Mr.', 'Ms.', 'Mrs.', 'Mx.', 'Dr.'];
const CREDENTIAL = /^[A-Za-z][A-Za-z.-]{0,11}$/;

export function mapPatient(draft: Draft): void {
  const patient = draft.pickOne(draft.bundle.ofType('Patient'), 'the patient');
  if (patient === undefined) return;
  const { resource, path } = patient;
  const named = setName(draft, ['patient'], resource.name, path);
  const prefix = named?.name.prefix?.[0];
  if (prefix !== undefined) {
    const title = TITLES.find((known) => known.replace('.', '') === prefix.replace('.', ''));
    if (title === undefined)
      draft.skip(`${named?.at}.prefix[0]`, 'is not a title a letter uses (Mr., Ms., Mrs., Mx., Dr.)', [
        'patient',
        'title',
      ]);
    else draft.set(['patient', 'title'], title, `${named?.at}.prefix[0]`);
  }
  setDate(draft, ['patient', 'dateOfBirth'], resource.birthDate, `${path}.birthDate`);
  setAddress(draft, ['patient', 'address'], resource.address, path, 'home');
  setTelecom(draft, ['patient', 'phone'], resource.telecom, 'phone', path);
}

/** The one NPI among identifiers (several different ones are an ambiguity). */
function npiOf(draft: Draft, identifiers: readonly Identifier[] | undefined, located: Located) {
  const found = (identifiers ?? [])
    .map((identifier, index) => ({ identifier, index }))
    .filter(({ identifier }) => identifier.system === SYSTEMS.npi && identifier.value !== undefined);
  const distinct = new Set(found.map(({ identifier }) => identifier.value));
  if (distinct.size > 1) {
    draft.issues.push({
      path: `${located.path}.identifier`,
      code: 'FHIR_AMBIGUOUS',
      message: `holds ${distinct.size} different NPIs (system ${SYSTEMS.npi}); keep the one that signs the letter`,
    });
    return undefined;
  }
  const first = found[0];
  return (
    first && { value: first.identifier.value, source: `${located.path}.identifier[${first.index}].value` }
  );
}

/**
 * The signer: the ServiceRequest's requester when it names a Practitioner or PractitionerRole,
 * else the Bundle's only Practitioner. Their PractitionerRole gives specialty and practice.
 */
export function mapProvider(
  draft: Draft,
  requester: Located<'Practitioner' | 'PractitionerRole'> | undefined,
) {
  const { bundle } = draft;
  const roles = bundle.ofType('PractitionerRole');
  const requestedRole =
    requester?.type === 'PractitionerRole' ? (requester as Located<'PractitionerRole'>) : undefined;
  const requestedPractitioner =
    requester?.type === 'Practitioner'
      ? (requester as Located<'Practitioner'>)
      : requestedRole && bundle.resolve(requestedRole, requestedRole.resource.practitioner, ['Practitioner']);
  const practitioner = draft.pickOne(
    bundle.ofType('Practitioner'),
    'the signing provider (Practitioner)',
    requestedPractitioner,
  );
  if (practitioner === undefined) return;

  const own = roles.filter(
    (role) => bundle.resolve(role, role.resource.practitioner, ['Practitioner']) === practitioner,
  );
  const role = requestedRole ?? draft.pickOne(own, "the signing provider's PractitionerRole");
  const { resource, path } = practitioner;
  setName(draft, ['provider'], resource.name, path);
  const npi =
    npiOf(draft, resource.identifier, practitioner) ?? (role && npiOf(draft, role.resource.identifier, role));
  if (npi !== undefined) draft.set(['provider', 'npi'], npi.value, npi.source);
  else draft.skip(`${path}.identifier`, `has no NPI (system ${SYSTEMS.npi})`, ['provider', 'npi']);

  // A degree code (v2-0360), else the qualification's text when it is written as a credential ("DPT").
  const credentials = (resource.qualification ?? []).flatMap(({ code }, index) => {
    const at = `${path}.qualification[${index}].code`;
    const coded = codingsIn(code, [SYSTEMS.degree]).map((item) => ({
      code: item.coding.code,
      source: `${at}.coding[${item.index}].code`,
    }));
    if (coded.length > 0) return coded;
    return code.text !== undefined && CREDENTIAL.test(code.text)
      ? [{ code: code.text, source: `${at}.text` }]
      : [];
  });
  credentials.forEach(({ code, source }, index) =>
    draft.set(['provider', 'credentials', index], code, source),
  );

  if (role !== undefined) {
    const specialty = role.resource.specialty?.[0];
    const words = specialty?.text ?? specialty?.coding?.[0]?.display;
    const at = specialty?.text === undefined ? '.specialty[0].coding[0].display' : '.specialty[0].text';
    draft.set(['provider', 'specialty'], words, `${role.path}${at}`);
  }
  mapPractice(draft, role);
}

/** The practice: the PractitionerRole's organization, else the one Organization that is not a payer. */
function mapPractice(draft: Draft, role: Located<'PractitionerRole'> | undefined): void {
  const { bundle } = draft;
  const payers = new Set(
    bundle
      .ofType('Coverage')
      .flatMap((coverage) =>
        (coverage.resource.payor ?? []).map((payor) => bundle.resolve(coverage, payor, ['Organization'])),
      ),
  );
  const fromRole = role && bundle.resolve(role, role.resource.organization, ['Organization']);
  const others = bundle.ofType('Organization').filter((organization) => !payers.has(organization));
  let practice = fromRole;
  if (practice === undefined && others.length > 1)
    draft.issues.push(ambiguity(others, 'the practice (Organization)'));
  else practice ??= others[0];
  if (practice === undefined) return;
  const { resource, path } = practice;
  const field = ['provider', 'practice'];
  draft.set([...field, 'name'], resource.name, `${path}.name`);
  setAddress(draft, [...field, 'address'], resource.address, path, 'work');
  setTelecom(draft, [...field, 'phone'], resource.telecom, 'phone', path);
  setTelecom(draft, [...field, 'fax'], resource.telecom, 'fax', path);
  setTelecom(draft, [...field, 'email'], resource.telecom, 'email', path);
  if (role !== undefined) {
    // The role's own numbers are the provider's line at this practice: they win over the switchboard.
    setTelecom(draft, [...field, 'phone'], role.resource.telecom, 'phone', role.path);
    setTelecom(draft, [...field, 'fax'], role.resource.telecom, 'fax', role.path);
  }
}
