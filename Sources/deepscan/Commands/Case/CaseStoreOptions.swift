// Options every `case` and `report` command shares: which database, and who is acting (recorded
// in the audit log). Also the one place that turns store and media errors into a clear message
// and exit status 1.
import ArgumentParser
import CaseStore
import Foundation
import Media

struct CaseStoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Case database file.", valueName: "path")) var db: String?
    @Option(help: ArgumentHelp("Who makes the change, for the audit log (default: the system user).", valueName: "name")) var by: String?

    var actor: String { by ?? CaseStore.systemUser }

    /// Opens the database; errors become a message and exit status 1.
    func open() throws -> CaseStore {
        try CaseCLI.guarded { try CaseStore(path: db ?? CaseStore.defaultPath) }
    }
}

/// Error reporting for the case commands.
enum CaseCLI {
    /// Runs `body`; a `CaseStoreError` or `MediaError` is printed as `deepscan: …` and exits 1.
    static func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as CaseStoreError {
            Output.error(e.description); throw ExitCode(1)
        } catch let e as MediaError {
            Output.error(e.description); throw ExitCode(1)
        }
    }
}
