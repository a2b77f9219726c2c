import Synchronization

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The running program of an external agent: its own process group, a pipe to its standard input and one from
/// its standard output (its standard error is Accord's). Lines are read with a time limit and a length limit;
/// ``terminate()`` (or the end of the value's life) kills the whole process group and reaps the program, so no
/// agent outlives its negotiation.
final class AgentProcess: @unchecked Sendable {
    /// Why talking to the program failed, as a verb phrase completing "the agent …" (`exited with status 1 instead of
    /// answering`).
    struct Failure: Error {
        var reason: String
    }

    /// The longest line the program may write, in bytes (without the newline).
    static let lineLimit = 65_536

    private let pid: pid_t
    private var input: Int32
    private var output: Int32
    private var buffer: [UInt8] = []
    private var reaped = false

    /// Starts the program in a process group of its own.
    ///
    /// - Throws: ``Failure`` when the program cannot be started (not found, not executable).
    init(arguments: [String]) throws(Failure) {
        _ = Self.ignoreBrokenPipes
        // One start at a time: between creating a pipe and marking it close-on-exec, another start must not copy it
        // into its program (which would then hold this agent's pipe open and hide its exit).
        (pid, input, output) = try Self.starting.withLock { _ throws(Failure) in
            let started = try Self.start(arguments)
            Self.running.withLock { _ = $0.insert(started.0) }
            return started
        }
        _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
    }

    private static let starting = Mutex<Void>(())

    /// The process groups of the programs started and not yet reaped.
    private static let running = Mutex<Set<pid_t>>([])

    /// Kills the process group of every agent program this process has started and not yet reaped: how a process
    /// that is about to end abruptly (a tournament worker whose supervisor has died) takes its agents with it.
    static func killEveryRunningGroup() {
        running.withLock { groups in
            for group in groups { kill(-group, SIGKILL) }
        }
    }

    /// Starts the program in a process group of its own; returns its identifier and the descriptors of the pipes
    /// to its standard input and from its standard output.
    private static func start(_ arguments: [String]) throws(Failure) -> (pid_t, Int32, Int32) {
        guard let program = arguments.first, !program.isEmpty else {
            throw Failure(reason: "could not be started (no program named)")
        }
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { throw Failure(reason: "could not be started (no pipe)") }
        guard pipe(&fromChild) == 0 else {
            close(toChild[0])
            close(toChild[1])
            throw Failure(reason: "could not be started (no pipe)")
        }
        for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        // Only standard input, output and error reach the program. A descriptor this process holds without
        // close-on-exec (such as the socket by which Foundation's Process tells a supervisor that this worker has
        // ended) would otherwise stay open in the agent and hide this process's death from whoever waits for it.
        for descriptor in Self.openDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawnp(&child, program, &actions, &attributes, argv, environ)
        close(toChild[0])
        close(fromChild[1])
        guard status == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw Failure(reason: "could not be started ('\(program)': \(String(cString: strerror(status))))")
        }
        return (child, toChild[1], fromChild[0])
    }

    /// The descriptors open in this process, from `/proc/self/fd` (none where it does not exist). One closed before
    /// the program starts is no error: the close is then skipped.
    private static func openDescriptors() -> [Int32] {
        guard let folder = opendir("/proc/self/fd") else { return [] }
        defer { closedir(folder) }
        var descriptors: [Int32] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let descriptor = Int32(name) { descriptors.append(descriptor) }
        }
        return descriptors
    }

    deinit { terminate() }

    /// Writes one line (a newline is added), waiting at most until `deadline` for room in the pipe.
    func write(line: String, deadline: ContinuousClock.Instant) throws(Failure) {
        var bytes = Array(line.utf8)
        bytes.append(10)
        var offset = 0
        while offset < bytes.count {
            guard input >= 0 else { throw Failure(reason: "is not running") }
            let written = bytes.withUnsafeBytes { writeBytes(input, $0.baseAddress! + offset, bytes.count - offset) }
            if written > 0 {
                offset += written
            } else if written < 0 && (errno == EAGAIN || errno == EINTR) {
                try wait(for: input, events: Int16(POLLOUT), until: deadline, doing: "read its input")
            } else {
                throw exited(doing: "reading its input")
            }
        }
    }

    /// Reads one line (without its newline), waiting at most until `deadline`.
    ///
    /// - Throws: ``Failure`` when the program ends or closes its output first, the line exceeds ``lineLimit``, or
    ///   the time runs out (`limit` is the time allowed, for the sentence).
    func readLine(deadline: ContinuousClock.Instant, limit: Double) throws(Failure) -> String {
        var scanned = 0
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 10) {
                guard newline <= Self.lineLimit else { throw tooLong() }
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            scanned = buffer.count
            guard buffer.count <= Self.lineLimit else { throw tooLong() }
            do {
                try wait(for: output, events: Int16(POLLIN), until: deadline, doing: "answer")
            } catch {
                if error.reason.isEmpty { throw Failure(reason: "did not answer within \(seconds(limit)) s") }
                throw error
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { readBytes(output, $0.baseAddress!, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
            } else if count == 0 {
                throw exited(doing: "answering")
            } else if errno != EINTR && errno != EAGAIN {
                throw exited(doing: "answering")
            }
        }
    }

    /// Whether the program wrote more than it was asked for (bytes after the last line read).
    var hasUnreadOutput: Bool { !buffer.isEmpty }

    /// Checks, without waiting, that the program has written nothing since its last reply and is still running.
    ///
    /// - Throws: ``Failure`` when it wrote a line it was not asked for, or has ended.
    func checkQuiet() throws(Failure) {
        guard output >= 0 else { throw Failure(reason: "is not running") }
        var entry = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, 0) > 0 else { return }
        var byte: UInt8 = 0
        if readBytes(output, &byte, 1) == 1 { throw Failure(reason: "wrote a line it was not asked for") }
        throw exited(doing: "waiting for its turn")
    }

    /// Closes the program's input, gives it `grace` seconds to exit on its own, then kills its process group and
    /// reaps it. Safe to call more than once.
    func terminate(grace: Double = 0.2) {
        guard !reaped else { return }
        if input >= 0 {
            close(input)
            input = -1
        }
        let end = ContinuousClock.now + .milliseconds(Int(grace * 1000))
        while !hasExited() && ContinuousClock.now < end { usleep(2_000) }
        // The group is killed while its leader is not yet reaped, so its identifier cannot have been reused.
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
        Self.running.withLock { _ = $0.remove(pid) }
        if output >= 0 {
            close(output)
            output = -1
        }
    }

    /// Waits until a descriptor is ready; throws a failure with an empty reason when the time runs out.
    private func wait(for descriptor: Int32, events: Int16, until deadline: ContinuousClock.Instant, doing: String)
        throws(Failure)
    {
        while true {
            let left = deadline - .now
            guard left > .zero else { throw Failure(reason: "") }
            let (whole, fraction) = left.components
            let milliseconds = Int32(min(whole * 1000 + fraction / 1_000_000_000_000_000 + 1, 60_000))
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw Failure(reason: "could not be waited for") }
        }
    }

    /// Whether the program has exited (without reaping it).
    private func hasExited() -> Bool {
        var info = siginfo_t()
        let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
        return result == 0 && info._sifields._sigchld.si_pid == pid
    }

    /// The failure of a program that stopped talking: how it ended, when it has (waiting up to 0.5 s for it).
    private func exited(doing: String) -> Failure {
        let end = ContinuousClock.now + .milliseconds(500)
        while !hasExited() && ContinuousClock.now < end { usleep(2_000) }
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0,
            info._sifields._sigchld.si_pid == pid
        else { return Failure(reason: "closed its output instead of \(doing)") }
        let code = info._sifields._sigchld.si_status
        if info.si_code == Int32(CLD_EXITED) {
            return Failure(reason: "exited with status \(code) instead of \(doing)")
        }
        return Failure(reason: "was stopped by signal \(code) instead of \(doing)")
    }

    private func tooLong() -> Failure {
        Failure(reason: "wrote a line longer than \(Self.lineLimit) bytes")
    }

    private func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// Writing to a program that has exited must fail with EPIPE, not stop Accord with SIGPIPE.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()
}

private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func readBytes(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, bytes, count)
}
