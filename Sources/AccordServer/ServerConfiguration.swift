import AccordStore

/// How `accord serve` runs: where it listens, where it keeps its data, who may use it and how much it accepts.
public struct ServerConfiguration: Sendable {
    /// The host to bind (127.0.0.1 by default: only this machine can connect).
    public var host: String
    /// The TCP port (0 picks a free one).
    public var port: Int
    /// Where scenarios and runs are stored.
    public var store: StoreLocation
    /// The access token every API route and page asks for, or `nil` on loopback without one.
    public var token: String?
    /// The largest request body accepted, in bytes (a larger one is a 413).
    public var bodyLimit: Int
    /// How many long runs execute at once (one per core by default).
    public var workers: Int
    /// How many runs may wait for a worker before new ones are refused with a 503.
    public var queueLimit: Int
    /// The folder where tournaments keep their results folders.
    public var runsFolder: String
    /// The file of the key that seals the rooms' secrets (`nil`: beside the SQLite database, `<database>.room-key`,
    /// or `accord-room.key` in the working folder with PostgreSQL; `accord serve` reads `ACCORD_ROOM_KEY_FILE`);
    /// `ACCORD_ROOM_KEY` overrides it.
    public var roomKeyFile: String?
    /// How long a connection may stay idle — no request part arriving, no response under way — before the server
    /// closes it: a client that opens connections and sends nothing (or a request head slowly) holds each at most
    /// this long. `accord serve` reads `ACCORD_IDLE_TIMEOUT` (seconds).
    public var idleTimeout: Duration = .seconds(30)
    /// The most connections served at once; beyond it new connections wait in the listen backlog until one
    /// closes. `accord serve` reads `ACCORD_MAX_CONNECTIONS`.
    public var maxConnections = 4_096
    /// How often an idle server-sent event stream sends a comment line, so a client that went away is noticed
    /// and its stream ends. `accord serve` reads `ACCORD_HEARTBEAT_SECONDS`.
    public var eventStreamHeartbeat: Duration = .seconds(15)
    /// How repeated failed room credentials are slowed and refused.
    public var roomCredentialLimits = RoomCredentialLimits()

    /// Creates a configuration; the defaults are `accord serve`'s.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, store: StoreLocation = StoreLocation(argument: nil),
        token: String? = nil, bodyLimit: Int = 8 << 20, workers: Int = max(1, ProcessInfoCores.count),
        queueLimit: Int = 64, runsFolder: String = "accord-runs"
    ) {
        self.host = host
        self.port = port
        self.store = store
        self.token = token
        self.bodyLimit = bodyLimit
        self.workers = workers
        self.queueLimit = queueLimit
        self.runsFolder = runsFolder
    }

    /// Where the room key lives: ``roomKeyFile``, or the default beside the store.
    public var roomKeyPath: String {
        if let roomKeyFile { return roomKeyFile }
        switch store {
        case .sqlite(let path): return path + ".room-key"
        case .postgres: return "accord-room.key"
        }
    }

    /// Whether the host is a loopback address, where running without a token is allowed.
    public var isLoopback: Bool {
        ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.")
    }
}
