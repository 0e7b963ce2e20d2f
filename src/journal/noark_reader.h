// Reading the journal out of a Noark 5 deposit's arkivstruktur.xml (namespace
// http://www.arkivverket.no/standarder/noark5/arkivstruktur; also read: the same elements
// in no namespace). The file is parsed as a stream with expat in fixed-size chunks, so an
// extract of many gigabytes is read in constant memory: each registrering is handed to the
// sink at its end tag and then forgotten.
//
// Any other root element is refused by name: the journal formats skjerm knows but does not
// read yet (eFormidling arkivmelding, Noark 5 offentligJournal and loependeJournal, Noark 4
// OFFJOURNAL / NOARK.H, and the deposit's endringslogg and ADDML) as "not imported yet",
// any other as "not a format skjerm imports" — with its namespace.
//
// What becomes a JournalEntry: every `registrering` — at any depth under arkiv, arkivdel,
// klasse, mappe (saksmappe ...) — whose xsi:type is journalpost (with any prefix bound to
// the XML Schema instance namespace), or that has no type or a basic one (registrering,
// basisregistrering) but carries journal fields (journalposttype, journalpostnummer).
// Other registreringer (arkivnotat, moeteregistrering, ...) are skipped with the reason.
//
//   registreringsID        -> journal_number; without it journalaar/journalsekvensnummer
//                             and journalpostnummer make "YYYY/seq-n"
//   tittel, offentligTittel -> title, given_public_title
//   journalposttype        -> direction (I, U, N, X, S)
//   journaldato, dokumentetsDato -> journal_date, document_date (YYYY-MM-DD)
//   skjerming: tilgangsrestriksjon, skjermingshjemmel, skjermingMetadata (repeatable)
//                          -> access_code, legal_basis, screened_fields (", "-separated)
//   korrespondansepart     -> one party line each: "type: navn, kontaktperson, postadresse,
//                             postnummer poststed, epostadresse, telefonnummer"
//   dokumentbeskrivelse/dokumentobjekt/referanseDokumentfil (or dokumentobjekt directly
//                             under the registrering) -> documents, resolved against the
//                             XML file's directory to absolute paths; a URL is kept as a
//                             URL, and a dokumentbeskrivelse that names no file (an empty
//                             referanseDokumentfil, no dokumentobjekt) becomes a document
//                             with the reference "" — both with a warning, and both judged
//                             error by check (journal/document_reference.h). Several
//                             dokumentobjekter of one description (formats, versions) are
//                             each a document; one without a file beside one with a file
//                             is passed over.
//
// Screening is inherited: where the registrering's own skjerming leaves a field empty, the
// first dokumentbeskrivelse whose skjerming has it fills it (a screened document screens
// the entry), and then the skjerming of the nearest enclosing mappe (or other unit) — as
// far as it was read before the registrering. The screened fields of all of them are
// joined. Element order inside a registrering does not matter: fields are collected until
// its end tag.
#ifndef SKJERM_JOURNAL_NOARK_READER_H_
#define SKJERM_JOURNAL_NOARK_READER_H_

#include <istream>
#include <string>

#include "journal/journal_reader.h"

namespace skjerm {

// Reads the arkivstruktur.xml in path. Throws JournalReadError when the file cannot be
// opened, is not a Noark 5 arkivstruktur (its root is not arkiv: the message names the
// root and its namespace), or is malformed — with the line and column of the fault; the
// entries before it were handed to the sink. An exception thrown by the sink ends the
// reading and is passed on.
void ReadNoarkJournal(const std::string& path, JournalSink& sink);
// The same for a stream, with the directory documents are resolved against.
void ReadNoarkJournal(std::istream& in, const std::string& base_dir, JournalSink& sink);

}  // namespace skjerm

#endif  // SKJERM_JOURNAL_NOARK_READER_H_
