/// Messages in flight: queue id → size, from a message's `qmgr … from=, size=` line until its `removed`.
/// qmgr logs `from=` again each time a deferred message returns to the active queue (for days, hours apart),
/// so only a queue id not in flight is a new message; a delivery takes its size from here.
///
/// Inputs, chunks of a large file and journal slices are read apart and merged in input order, and a part
/// does not know what the parts before it left in flight. So each part also keeps, per queue id, what its
/// first line about that id assumed: a message counted as new (`arrivals`), a removal of a message it never
/// saw (`removedUnseen`), deliveries it could not size (`unsizedDeliveries`). Merging after the earlier
/// parts settles them (`settle`), which makes the totals those of one reading of everything.
extension MailTraffic {
    struct InFlight: Sendable {
        private var sizes: [QueueKey: Int] = [:]
        /// Messages counted as new on their first line here: a re-log if an earlier part left them in flight.
        private var arrivals: [QueueKey: Arrival] = [:]
        /// Queue ids whose first line here was `removed`: an earlier part's message, no longer in flight.
        private var removedUnseen: Set<QueueKey> = []
        /// Delivery lines of queue ids not seen here before: an earlier part may know their size.
        private var unsizedDeliveries: [QueueKey: Int] = [:]

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

        /// Notes a message on its `from=` line: true when it is new here (not in flight already).
        /// One hash look-up per table for a new message (the usual case): the value is put first and put
        /// back when one was there.
        mutating func arrive(_ queueID: QueueKey, _ arrival: Arrival) -> Bool {
            if let size = sizes.updateValue(arrival.size, forKey: queueID) {
                sizes[queueID] = size
                return false
            }
            if !removedUnseen.isEmpty && removedUnseen.contains(queueID) { return true }
            if let first = arrivals.updateValue(arrival, forKey: queueID) { arrivals[queueID] = first }
            return true
        }

        /// The size of a message being delivered, when its `from=` line was read here.
        mutating func deliver(_ queueID: QueueKey) -> Int? {
            if let size = sizes[queueID] { return size }
            if !seen(queueID) { unsizedDeliveries[queueID, default: 0] +|= 1 }
            return nil
        }

        mutating func remove(_ queueID: QueueKey) {
            if sizes.removeValue(forKey: queueID) == nil && !seen(queueID) { removedUnseen.insert(queueID) }
        }

        /// True when a `from=` or `removed` line of `queueID` was read here.
        private func seen(_ queueID: QueueKey) -> Bool {
            arrivals[queueID] != nil || removedUnseen.contains(queueID)
        }

        /// Adds `later`, the part read after this one: its first lines are settled against what this part left
        /// in flight, and what neither part can settle is kept for a merge with an earlier part.
        mutating func merge(_ later: InFlight) -> Settlement {
            var settlement = Settlement()
            for (queueID, lines) in later.unsizedDeliveries {
                if let size = sizes[queueID] {
                    settlement.deliveredBytes +|= size *| lines
                } else if !seen(queueID) {
                    unsizedDeliveries[queueID, default: 0] +|= lines
                }
            }
            for (queueID, arrival) in later.arrivals {
                if sizes[queueID] != nil {
                    settlement.relogged.append(arrival)
                } else if !seen(queueID) {
                    arrivals[queueID] = arrival
                }
                // Whether it is still in flight is the later part's word.
                if later.sizes[queueID] == nil { sizes.removeValue(forKey: queueID) }
            }
            for queueID in later.removedUnseen {
                sizes.removeValue(forKey: queueID)
                if !seen(queueID) { removedUnseen.insert(queueID) }
            }
            sizes.merge(later.sizes) { mine, _ in mine }
            return settlement
        }

        /// Nothing is read before this part (it starts the run): what it kept for an earlier part can go.
        mutating func forgetEarlierNeeds() {
            arrivals = [:]
            removedUnseen = []
            unsizedDeliveries = [:]
        }
    }
}
