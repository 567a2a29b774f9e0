import ArgumentParser
import AssessCore
import Foundation

/// An error for the user about how the command was called or where it runs: exit status 2.
struct CommandError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Printing and exit status: the executable alone decides both.
enum Terminal {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Today's date for the checks (`ASSESS_TODAY` when set).
    static var today: String { Today.string(environment: environment) }

    static let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
    static let stderrIsTerminal = isatty(STDERR_FILENO) == 1

    static var stdoutStyle: TerminalStyle { TerminalStyle.detect(isTerminal: stdoutIsTerminal, environment: environment) }
    static var stderrStyle: TerminalStyle { TerminalStyle.detect(isTerminal: stderrIsTerminal, environment: environment) }

    /// Writes text to standard output as it is (callers add newlines).
    static func out(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    /// Writes UTF-8 text to standard output as it is.
    static func out(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0, to: STDOUT_FILENO) }
    }

    /// Writes text to standard error as it is (callers add newlines).
    static func err(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    /// The text's bytes straight from its storage, however large; a failed write (a full disk,
    /// a closed pipe when SIGPIPE is ignored) ends the command with status 2.
    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { write($0, to: descriptor) }
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        let failure: Int32? = { () -> Int32? in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN || errno == EWOULDBLOCK {
                        // A non-blocking descriptor that is full: wait until it drains.
                        var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                        _ = poll(&ready, 1, -1)
                        continue
                    }
                    return errno
                }
                offset += written
            }
            return nil
        }()
        if let failure {
            if descriptor != STDERR_FILENO {
                let message = "assess: error: cannot write to standard output: \(String(cString: strerror(failure)))\n"
                _ = message.withCString { Foundation.write(STDERR_FILENO, $0, strlen($0)) }
            }
            Foundation.exit(2)
        }
    }

    /// `assess: error: message` on standard error.
    static func error(_ message: String) {
        let style = stderrStyle
        err("assess: \(style.severity(.error)): \(message)\n")
    }

    /// `assess: warning: message` on standard error.
    static func warning(_ message: String) {
        let style = stderrStyle
        err("assess: \(style.severity(.warning)): \(message)\n")
    }

    /// `assess: note: message` on standard error.
    static func note(_ message: String) {
        let style = stderrStyle
        err("assess: \(style.severity(.note)): \(message)\n")
    }

    /// Ends the process for an error thrown out of a command: usage and environment
    /// errors exit 2, `ExitCode`s keep their value, help and version exit 0.
    static func exit(for error: Error) -> Never {
        if let exitCode = error as? ExitCode {
            Foundation.exit(exitCode.rawValue)
        }
        let code = Assess.exitCode(for: error)
        if code == .success {
            Assess.exit(withError: error)  // --help, --version: printed to stdout
        }
        if error is CommandError {
            self.error(String(describing: error))
        } else if code == .validationFailure {
            // Parse errors: argument-parser's message and usage, with status 2 as documented.
            err(Assess.fullMessage(for: error) + "\n")
        } else {
            self.error(String(describing: error))
        }
        Foundation.exit(2)
    }
}
