/// Messages in flight: queue id → size, from a message's `qmgr … from=, size=` line until its `removed`.
/// qmgr logs `from=` again each time a deferred message returns to the active queue (for days, hours apart),
/// so only a queue id not in flight is a new message; a delivery takes its size from here.
///
/// Inputs, chunks of a large file and journal slices are read apart and merged in input order, and a part
/// does not know what the parts before it left in flight. So each part also keeps, per queue id, what its
/// first line about that id assumed: a message counted as new (`arrivals`), a removal of a message it never
/// saw (`removedUnseen`), deliveries it could not size (`unsizedDeliveries`). Merging after the earlier
/// parts settles them (`settle`), which makes the totals those of one reading of everything.
///
/// Everything known of a queue id is one entry of one table (`KeyedTable`: one probe per line, no `Hasher`).
/// Entries stay after `removed`, as the first-line notes did before: memory grows with the distinct queue ids
/// of a part, never with its lines.
extension MailTraffic {
    struct InFlight: Sendable {
        private var messages = KeyedTable<QueueKey, Message>()

        /// What a part knows of one queue id.
        struct Message: Sendable {
            /// In flight, with this size.
            var size: Int?
            /// Counted as new on its first line here: a re-log if an earlier part left it in flight.
            var arrival: Arrival?
            /// Its first line here was `removed`: an earlier part's message, no longer in flight.
            var removedUnseen = false
            /// Delivery lines while not seen here before: an earlier part may know its size.
            var unsizedDeliveries = 0

            /// True when a `from=` or `removed` line of it was read here.
            var seen: Bool { arrival != nil || removedUnseen }
        }

        /// What counting a message as new added, to take back when it turns out to be a re-log.
        struct Arrival: Sendable {
            var size: Int
            var occurrences: Int
            var day: Int64?
        }

        /// What a merge found: re-logs counted as new by the later part, sizes for its unsized deliveries.
        struct Settlement {
            var relogged: [Arrival] = []
            var deliveredBytes = 0
        }

        /// Notes a message on its `from=` line: true when it is new here (not in flight already). Inlined into
        /// `ServiceTally.recordTraffic`, its one caller.
        @inline(__always)
        mutating func arrive(_ queueID: QueueKey, _ arrival: Arrival) -> Bool {
            messages.update(queueID, orAdd: Message()) { InFlight.arrive(&$0, arrival) }
        }

        private static func arrive(_ message: inout Message, _ arrival: Arrival) -> Bool {
            guard message.size == nil else { return false }
            message.size = arrival.size
            if !message.removedUnseen && message.arrival == nil { message.arrival = arrival }
            return true
        }

        /// The size of a message being delivered, when its `from=` line was read here. Its entry is changed
        /// through the values' subscript: the table's `default:` subscript left the array's `_modify`
        /// coroutine a call here, where `deliver` is inlined (42 instructions a delivery line).
        mutating func deliver(_ queueID: QueueKey) -> Int? {
            let position = messages.position(of: queueID, orAdd: Message())
            return InFlight.deliver(&messages.values[position])
        }

        private static func deliver(_ message: inout Message) -> Int? {
            if let size = message.size { return size }
            if !message.seen { message.unsizedDeliveries +|= 1 }
            return nil
        }

        /// Inlined into `ServiceTally.recordTraffic`, its one caller.
        @inline(__always)
        mutating func remove(_ queueID: QueueKey) {
            messages.update(queueID, orAdd: Message()) { InFlight.remove(&$0) }
        }

        private static func remove(_ message: inout Message) {
            if message.size != nil {
                message.size = nil
            } else if !message.seen {
                message.removedUnseen = true
            }
        }

        /// Adds `later`, the part read after this one: its first lines are settled against what this part left
        /// in flight, and what neither part can settle is kept for a merge with an earlier part. The passes
        /// go in this order (deliveries, arrivals, removals, then what is still in flight) because each reads
        /// what the one before noted.
        mutating func merge(_ later: InFlight) -> Settlement {
            var settlement = Settlement()
            for (queueID, theirs) in later.messages where theirs.unsizedDeliveries != 0 {
                let lines = theirs.unsizedDeliveries
                if let size = messages[queueID]?.size {
                    settlement.deliveredBytes +|= size *| lines
                } else if messages[queueID]?.seen != true {
                    messages[queueID, default: Message()].unsizedDeliveries +|= lines
                }
            }
            for (queueID, theirs) in later.messages {
                guard let arrival = theirs.arrival else { continue }
                InFlight.mergeArrival(&messages[queueID, default: Message()], arrival, settlement: &settlement)
                // Whether it is still in flight is the later part's word.
                if theirs.size == nil { messages[queueID, default: Message()].size = nil }
            }
            for (queueID, theirs) in later.messages where theirs.removedUnseen {
                messages[queueID, default: Message()].size = nil
                if messages[queueID]?.seen != true { messages[queueID, default: Message()].removedUnseen = true }
            }
            for (queueID, theirs) in later.messages {
                guard let size = theirs.size else { continue }
                if messages[queueID]?.size == nil { messages[queueID, default: Message()].size = size }
            }
            return settlement
        }

        private static func mergeArrival(_ mine: inout Message, _ arrival: Arrival, settlement: inout Settlement) {
            if mine.size != nil {
                settlement.relogged.append(arrival)
            } else if !mine.seen {
                mine.arrival = arrival
            }
        }

        /// Room for about `count` messages, made at the first one (`KeyedTable.expect(_:)`).
        mutating func expect(_ count: Int) { messages.expect(count) }

        /// Nothing is read before this part (it starts the run): what it kept for an earlier part can go.
        mutating func forgetEarlierNeeds() {
            var kept = KeyedTable<QueueKey, Message>()
            for (queueID, message) in messages where message.size != nil {
                kept[queueID, default: Message()] = Message(size: message.size)
            }
            messages = kept
        }
    }
}

extension QueueKey: TableKey {
    @inline(__always)
    func tableHash(seed: Int) -> UInt64 { UInt64(UInt(bitPattern: _rawHashValue(seed: seed))) }
}
