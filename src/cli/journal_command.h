// `skjerm journal import FILE`: reads a municipality's journal export — CSV
// (journal/csv_journal_reader.h) or a Noark 5 arkivstruktur.xml (journal/noark_reader.h) —
// into the journal in skjerm's database (journal/journal_store.h), by journal number: an
// entry imported again unchanged stays as it is, a changed one goes back to pending.
//
//   skjerm journal import FILE [--status pending|published] [--format auto|csv|noark]
//                              [--column FIELD=NAME ...] [--delimiter C]
//                              [--encoding utf-8|windows-1252] [--db PATH]
//
// Entries are written in transactions of a few hundred as they are read, so a kill loses
// at most the batch in hand and a malformed file keeps what came before the fault. Prints
// the counts (added, changed, unchanged, skipped) and every skipped record by line number
// and reason — never a title or a name. Exit status 0 when the file was read to its end,
// 1 when it could not be read completely (or the database failed), 2 for usage errors.
#ifndef SKJERM_CLI_JOURNAL_COMMAND_H_
#define SKJERM_CLI_JOURNAL_COMMAND_H_

#include "cli/command.h"

namespace skjerm {

void AddJournalCommand(CLI::App& app, GlobalOptions& global, int* exit_status);

}  // namespace skjerm

#endif  // SKJERM_CLI_JOURNAL_COMMAND_H_
