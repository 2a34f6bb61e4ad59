/// The JSON form of the report's two time spans, so that no open bound hides behind a missing key.
///
/// - `range` (what was asked for) is the string `"all"` when it has no bound, and otherwise an object with
///   both `since` and `until`, `null` for an open end.
/// - `covered` (the times actually seen) always has both keys; both are `null` when no line had a time.
extension Report.Range {
    static let everything = "all"

    enum CodingKeys: String, CodingKey { case since, until }

    public init(from decoder: Decoder) throws {
        if let word = try? decoder.singleValueContainer().decode(String.self) {
            guard word == Self.everything else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: "range is \"all\" or an object"))
            }
            self.init(since: nil, until: nil)
            return
        }
        let keys = try decoder.container(keyedBy: CodingKeys.self)
        self.init(since: try keys.decodeIfPresent(Instant.self, forKey: .since),
                  until: try keys.decodeIfPresent(Instant.self, forKey: .until))
    }

    public func encode(to encoder: Encoder) throws {
        if since == nil && until == nil {
            var single = encoder.singleValueContainer()
            try single.encode(Self.everything)
            return
        }
        var keys = encoder.container(keyedBy: CodingKeys.self)
        try keys.encode(since, forKey: .since)
        try keys.encode(until, forKey: .until)
    }
}

extension Report {
    /// The earliest and latest line times the report saw; both nil when no line had a time.
    public struct CoveredTimes: Codable, Sendable {
        public var since: Instant?
        public var until: Instant?

        public init(since: Instant?, until: Instant?) {
            self.since = since
            self.until = until
        }

        enum CodingKeys: String, CodingKey { case since, until }

        public func encode(to encoder: Encoder) throws {
            var keys = encoder.container(keyedBy: CodingKeys.self)
            try keys.encode(since, forKey: .since)
            try keys.encode(until, forKey: .until)
        }
    }
}
