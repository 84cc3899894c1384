// `deepscan case …`: the case database from the command line. One subcommand per file in this
// folder; they share `CaseStoreOptions` (--db, --by).
import ArgumentParser

struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Keep evidence, analyses, tags and notes in a case database, with chain of custody.",
        discussion: """
            The database is one SQLite file (default $XDG_DATA_HOME/deepscan/cases.sqlite, or \
            ~/.local/share/deepscan/cases.sqlite; --db to choose). Evidence is hashed (SHA-256) at intake \
            and verified before every analysis and report; media is not copied unless --copy-into-case is given. \
            Every change is recorded in an append-only audit log.
            """,
        subcommands: [CaseNewCommand.self, CaseListCommand.self, CaseShowCommand.self, CaseAddCommand.self, CaseBookmarkCommand.self,
                      CaseAnalyseCommand.self, CaseTagCommand.self, CaseNoteCommand.self, CaseRemoveCommand.self,
                      CaseVerifyCommand.self])
}
