/// The fields of one journal entry that logscan reads, as views into the export reader's buffer:
/// `__REALTIME_TIMESTAMP` (microseconds since the epoch, UTC), `_HOSTNAME`, `SYSLOG_IDENTIFIER` (else
/// `_COMM`), `SYSLOG_PID` (else `_PID`) and `MESSAGE`. Other fields are ignored.
struct JournalFields {
    var realtime: Bytes?
    var hostname: Bytes?
    var identifier: Bytes?
    var command: Bytes?
    var syslogPID: Bytes?
    var processID: Bytes?
    var message: Bytes?
    private(set) var hasAny = false

    /// The fields journalctl is asked to print (`--output-fields`); the export format adds the timestamps.
    static let requested = "_HOSTNAME,SYSLOG_IDENTIFIER,_COMM,SYSLOG_PID,_PID,MESSAGE"

    mutating func reset() { self = JournalFields() }

    mutating func take(name: Bytes, value: Bytes) {
        hasAny = true
        switch name.count {
        case 20: if name.equals("__REALTIME_TIMESTAMP") { realtime = value }
        case 9: if name.equals("_HOSTNAME") { hostname = value }
        case 17: if name.equals("SYSLOG_IDENTIFIER") { identifier = value }
        case 5: if name.equals("_COMM") { command = value }
        case 10: if name.equals("SYSLOG_PID") { syslogPID = value }
        case 4: if name.equals("_PID") { processID = value }
        case 7: if name.equals("MESSAGE") { message = value }
        default: break
        }
    }

    /// The entry's time; nil (an untimed line) past the end of year 9999, which no real clock writes and
    /// which would overflow the report's calendar arithmetic.
    var time: Instant? {
        guard let micros = realtime?.decimalValue, micros <= JournalFields.latestMicros else { return nil }
        return Instant(micros: Int64(micros))
    }

    /// 9999-12-31T23:59:59.999999Z.
    static let latestMicros = 253_402_300_799_999_999

    var program: Bytes? { identifier ?? command }

    var pid: Int32 {
        guard let value = (syslogPID ?? processID)?.decimalValue, value <= Int(Int32.max) else { return -1 }
        return Int32(value)
    }
}
