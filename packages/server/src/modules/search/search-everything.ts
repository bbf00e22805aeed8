import { beijingDateOf, type Locale, type Permission } from '@fayuan/domain';
import type { Queryable } from '../../db/client.ts';
import { maskPhone, type FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { DataScope } from '../../platform/scope/data-scope.ts';
import { readSearchTerms, type SearchTerms } from './search-terms.ts';
import {
  applicationsByApplicantHash,
  applicationsByApplicantName,
  applicationsByNumber,
  consultationsMatching,
  handlersByName,
  personsByHash,
  personsByName,
  type ApplicationHit,
  type ConsultationHit,
  type HandlerHit,
  type NameProbe,
  type PersonHit,
} from './search.repository.ts';
import { channelWords, stateWords, WORDS } from './search-words.ts';
import type { SearchItem } from './search.schemas.ts';

/** The most items one search answers. */
export const SEARCH_LIMIT = 20;
/** Name hits per kind, so that one kind (many 张) cannot push the others out of the answer. */
const NAME_HITS_PER_KIND = 5;

export interface SearchCaller {
  scope: DataScope;
  permissions: readonly Permission[];
  locale: Locale;
}

/** Which name columns a text can match: 汉字 the name, latin letters the full pinyin and the initials. */
function nameProbes(terms: SearchTerms): NameProbe[] {
  const probes: NameProbe[] = [];
  if (terms.namePrefix) probes.push({ column: 'name', prefix: terms.namePrefix });
  if (terms.pinyinPrefix) {
    probes.push({ column: 'initials', prefix: terms.pinyinPrefix });
    probes.push({ column: 'pinyin', prefix: terms.pinyinPrefix });
  }
  return probes;
}

/** Hits of several probes in order, each id once. */
function unique<T extends { id: string }>(lists: T[][]): T[] {
  const seen = new Set<string>();
  return lists.flat().filter((hit) => !seen.has(hit.id) && seen.add(hit.id));
}

/**
 * Searches everything the caller may read, in the caller's scope: exact hits (identity or phone
 * number, application or document number) first, then name hits of each kind. Returns the
 * presented items; the caller audits the ids.
 */
export async function searchEverything(
  db: Queryable,
  cipher: FieldCipher,
  caller: SearchCaller,
  q: string,
): Promise<SearchItem[]> {
  const terms = readSearchTerms(q);
  if (!terms) return [];
  const may = (permission: Permission) => caller.permissions.includes(permission);
  const hashes = {
    idNumber: terms.idNumber === null ? null : cipher.lookupHash(terms.idNumber),
    phone: terms.phone === null ? null : cipher.lookupHash(terms.phone),
  };
  const names = nameProbes(terms);
  const { scope, locale } = caller;
  const none = Promise.resolve([]);

  // Every kind's statements at once, on the pool's connections; consultations as soon as the
  // persons are found (it looks for theirs), alongside the other kinds rather than after them.
  const personsPromise = Promise.all([
    may('person.read') ? personsByHash(db, scope, hashes, SEARCH_LIMIT) : none,
    may('person.read') ? personsByName(db, scope, names, NAME_HITS_PER_KIND) : none,
  ]);
  const consultationsPromise = may('consultation.read')
    ? personsPromise.then(([personExact, personNames]) =>
        consultationsMatching(
          db,
          scope,
          {
            fullNumber: terms.fullNumber,
            phoneHash: hashes.phone,
            namePrefix: terms.namePrefix,
            personIds: unique([personExact, personNames]).map((p) => p.id),
          },
          NAME_HITS_PER_KIND,
        ),
      )
    : Promise.resolve([]);
  const [[personExact, personNames], applicationExact, applicationNames, handlerNames, consultationsFound] =
    await Promise.all([
      personsPromise,
      may('application.read')
        ? Promise.all([
            applicationsByNumber(
              db,
              scope,
              { full: terms.fullNumber, sequence: terms.sequence },
              SEARCH_LIMIT,
            ),
            applicationsByApplicantHash(db, scope, hashes, SEARCH_LIMIT),
          ])
        : Promise.resolve([]),
      may('application.read') ? applicationsByApplicantName(db, scope, names, NAME_HITS_PER_KIND) : none,
      may('handler.read') ? handlersByName(db, scope, names, NAME_HITS_PER_KIND) : none,
      consultationsPromise,
    ]);

  const exact: SearchItem[] = [
    ...unique(applicationExact).map((a) => presentApplication(a, locale)),
    ...personExact.map((p) => presentPerson(p, cipher, locale)),
  ];
  const byName: SearchItem[] = [
    ...unique([personNames])
      .slice(0, NAME_HITS_PER_KIND)
      .map((p) => presentPerson(p, cipher, locale)),
    ...unique([applicationNames])
      .slice(0, NAME_HITS_PER_KIND)
      .map((a) => presentApplication(a, locale)),
    ...consultationsFound.map((c) => presentConsultation(c, locale)),
    ...unique([handlerNames])
      .slice(0, NAME_HITS_PER_KIND)
      .map((h) => presentHandler(h, locale)),
  ];
  const seen = new Set<string>();
  return [...exact, ...byName]
    .filter((item) => !seen.has(`${item.kind}:${item.id}`) && seen.add(`${item.kind}:${item.id}`))
    .slice(0, SEARCH_LIMIT);
}

/** A person: the name, then the masked phone and the birth year (ADR 0006: no full date here). */
function presentPerson(p: PersonHit, cipher: FieldCipher, locale: Locale): SearchItem {
  const details: string[] = [];
  if (p.phoneSealed) details.push(maskPhone(cipher.open(p.phoneSealed)));
  if (p.birthDate) details.push(WORDS.born(Number(p.birthDate.slice(0, 4)), locale));
  return { kind: 'person', id: p.id, title: p.name, subtitle: details.join(WORDS.separator) };
}

function presentApplication(a: ApplicationHit, locale: Locale): SearchItem {
  return {
    kind: 'application',
    id: a.id,
    title: a.number,
    subtitle: `${a.applicantName}${WORDS.separator}${stateWords(a.state, locale)}`,
  };
}

function presentConsultation(c: ConsultationHit, locale: Locale): SearchItem {
  return {
    kind: 'consultation',
    id: c.id,
    title: c.personName ?? c.callerName ?? WORDS.consultation(locale),
    subtitle: [c.number, beijingDateOf(c.startedAt), channelWords(c.channel, locale)]
      .filter((part) => part !== null)
      .join(WORDS.separator),
  };
}

function presentHandler(h: HandlerHit, locale: Locale): SearchItem {
  return { kind: 'handler', id: h.id, title: h.name, subtitle: h.firmName ?? WORDS.noFirm(locale) };
}
