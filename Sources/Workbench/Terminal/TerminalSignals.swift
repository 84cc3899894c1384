// Leaving the terminal usable when the process dies. A full-screen app that is killed or crashes
// inside curses mode leaves the shell without echo, in the alternate screen; htop and btop restore
// it from their signal handlers. Here: on SIGINT, SIGTERM, SIGHUP and fatal signals (SIGSEGV,
// SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTRAP, which is how Swift traps) the handler calls the
// terminal's restore function, puts back the previous handler (the Swift runtime's backtracer, or
// the default) and raises the signal again, so the exit status and any crash report are as before.
// Restoring curses from a handler is not async-signal-safe; like htop, we accept that for a process
// that is about to die anyway.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Installs and removes the restore-then-re-raise signal handlers.
enum TerminalSignals {
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTRAP]

    /// The previous action per signal number (0..<65), read by the handler.
    nonisolated(unsafe) private static var saved = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    nonisolated(unsafe) private static var restore: (@convention(c) () -> Void)?
    nonisolated(unsafe) private static var installed = false

    /// Installs handlers that call `restoreTerminal` before the process dies of a signal.
    static func install(restoreTerminal: @escaping @convention(c) () -> Void) {
        guard !installed else { return }
        restore = restoreTerminal
        for sig in handled {
            // A signal the parent set to be ignored (nohup, a shell's background job) stays ignored.
            sigaction(sig, nil, saved + Int(sig))
            #if canImport(Glibc)
            if unsafeBitCast(saved[Int(sig)].__sigaction_handler.sa_handler, to: Int.self) == 1 { continue }  // SIG_IGN
            #endif
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { sig in TerminalSignals.handle(sig) }
            #else
            action.__sigaction_u.__sa_handler = { sig in TerminalSignals.handle(sig) }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, saved + Int(sig))
        }
        installed = true
    }

    /// Puts the previous handlers back (on a normal exit from curses mode).
    static func uninstall() {
        guard installed else { return }
        for sig in handled { sigaction(sig, saved + Int(sig), nil) }  // ignored ones are restored as ignored
        installed = false
        restore = nil
    }

    private static func handle(_ sig: Int32) {
        restore?()
        sigaction(sig, saved + Int(sig), nil)
        raise(sig)
    }
}
