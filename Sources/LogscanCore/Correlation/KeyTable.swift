/// A hash table keyed by a correlation key (already a 64-bit hash of host and pid, or of host and address):
/// open addressing with linear probing, so a look-up is one mix of the key and a probe or two, without a
/// `Hashable` witness, a `Hasher` or a dictionary's bookkeeping per line. The correlators keep their
/// per-connection state in it. Each table mixes in its own random seed, so keys an attacker chooses (client
/// addresses) cannot be made to collide.
///
/// A slot's tag (the key mixed with the seed, a bijection of the key) lies in its own dense array, apart
/// from the values: a probe reads 8 bytes a slot, the tag is both the key and its home, and growing or
/// removing rehashes nothing. Unused slots hold `filler`, so inserting it writes only the tag. The last
/// key looked up and its slot are kept: the lines of one connection mostly come in a row, and then a
/// look-up is one comparison, inline.
///
/// The slots are references (`RawSlots`), read through raw pointers: a copy of a table shares them, as a
/// `LineProcessor`'s copies share its held lines; a table is used where it was made.
struct KeyTable<Value> {
    /// The memory of the tags and of the values; `tags` and `values` point into them.
    private var tagSlots: RawSlots<UInt64>
    private var valueSlots: RawSlots<Value>
    /// The tags by slot; `vacant` where the slot is unused.
    private var tags: UnsafeMutablePointer<UInt64>
    /// The values by slot; `filler` where the slot is unused.
    private var values: UnsafeMutablePointer<Value>
    /// The number of slots less one (a power of two less one).
    private var mask: Int
    private let seed = UInt64.random(in: .min ... .max)
    /// What an unused slot holds.
    private let filler: Value
    private(set) var count = 0
    /// The key `slot(for:)` looked up last and its slot; `lastSlot` is -1 when unknown. An insertion moves
    /// no entry, so only removals and refills forget it.
    private var lastKey: UInt64 = 0
    private var lastSlot = -1

    /// The tag of an unused slot.
    private static var vacant: UInt64 { 0 }
    /// The tag stored for the one key whose mix is `vacant`: that key and the one mixing to this share a
    /// slot, as two keys with the same 64-bit hash already do.
    private static var vacantStandIn: UInt64 { 0x9E37_79B9_7F4A_7C15 }

    init(filler: Value, capacity: Int = 64) {
        self.filler = filler
        var size = 16
        while size < capacity { size *= 2 }
        tagSlots = RawSlots(count: size, filler: KeyTable.vacant)
        valueSlots = RawSlots(count: size, filler: filler)
        tags = tagSlots.base
        values = valueSlots.base
        mask = size - 1
    }

    @inline(__always)
    private func tag(_ key: UInt64) -> UInt64 {
        let mixed = MixedKey.mix(key ^ seed)
        return mixed == KeyTable.vacant ? KeyTable.vacantStandIn : mixed
    }

    /// The slot holding `tag`, or the unused slot that ends its run.
    @inline(__always)
    private func probe(_ tag: UInt64) -> (index: Int, found: Bool) {
        var index = Int(truncatingIfNeeded: tag) & mask
        while true {
            let here = tags[index]
            if here == tag { return (index, true) }
            if here == KeyTable.vacant { return (index, false) }
            index = (index &+ 1) & mask
        }
    }

    /// The slot of `key`, or nil.
    func find(_ key: UInt64) -> Int? {
        if key == lastKey && lastSlot >= 0 { return lastSlot }
        let place = probe(tag(key))
        return place.found ? place.index : nil
    }

    /// The slot of `key`, holding `filler` when the key was not in the table.
    @inline(__always)
    mutating func slot(for key: UInt64) -> Int {
        if key == lastKey && lastSlot >= 0 { return lastSlot }
        return lookUp(key)
    }

    /// `slot(for:)` when `key` is not the last one.
    private mutating func lookUp(_ key: UInt64) -> Int {
        let index = slot(tagged: tag(key))
        lastKey = key
        lastSlot = index
        return index
    }

    /// The slot of `tag`, inserted when new. Always inlined into the look-up (the probe is run again after a
    /// resize, rather than the function called again): its call cost ~11 an insert, and the probe loop lies
    /// better inline (`PostfixCorrelator.classify` 6.48 M -> 6.27 M on the mail cut, 9,748 inserts; the auth
    /// cut's report 162.70 M -> 162.49 M).
    @inline(__always)
    private mutating func slot(tagged tag: UInt64) -> Int {
        var place = probe(tag)
        if place.found { return place.index }
        // At most three quarters full, as a dictionary: a flood of connections (300,000 in an hour) takes
        // 42 MB here; half full it took 84 MB, for a few instructions a look-up.
        if (count + 1) * 4 > (mask + 1) * 3 {
            resize(to: KeyTable.grown(mask + 1))
            place = probe(tag)
        }
        tags[place.index] = tag
        count += 1
        return place.index
    }

    /// The value in a slot that `find` or `slot(for:)` returned (valid until the table changes).
    subscript(slot index: Int) -> Value {
        get { values[index] }
        _modify { yield &values[index] }
    }

    /// Runs `body` on the value of `key`, inserting `filler` first when the key is not in the table: one
    /// look-up, and the value changed where it lies (no accessor coroutine, which a caller may not inline).
    @inline(__always)
    mutating func update<Result>(_ key: UInt64, _ body: (inout Value) -> Result) -> Result {
        let index = slot(for: key)
        return body(&values[index])
    }

    subscript(key: UInt64) -> Value? {
        get { find(key).map { values[$0] } }
    }

    /// Sets the value of `key`, inserting it if needed.
    mutating func set(_ value: Value, for key: UInt64) {
        values[slot(for: key)] = value
    }

    /// Removes `key`'s value and returns it, or nil. An empty table answers inline, without the key's mix,
    /// its probe or a call: dovecot's held failures are mostly settled before the next login line (its table
    /// was empty at 5,080 of the 7,139 login lines of the mail cut). The last key looked up is removed
    /// without `find`'s call either: a postfix session's `disconnect` line comes right after its others (7,524
    /// of 7,573 summaries on the mail cut). Always inline for both tests to sit in the caller: the mail cut's
    /// report 178.54 M -> 178.31 M with the first, -> 178.06 M with the second and `PostfixCorrelator`'s time
    /// read after its summary branch (round seven, second pass).
    @discardableResult @inline(__always)
    mutating func removeValue(forKey key: UInt64) -> Value? {
        guard count > 0 else { return nil }
        if key == lastKey && lastSlot >= 0 { return remove(returning: lastSlot) }
        return removeFound(key)
    }

    /// `removeValue(forKey:)` in a table that holds something, of a key other than the last.
    private mutating func removeFound(_ key: UInt64) -> Value? {
        guard let index = find(key) else { return nil }
        return remove(returning: index)
    }

    /// Empties a slot and returns the value it held. Always inline: a piece of `removeValue`'s inline path
    /// (measured with it, above).
    @inline(__always)
    private mutating func remove(returning index: Int) -> Value {
        let value = values[index]
        remove(at: index)
        return value
    }

    /// Keeps only the entries whose value satisfies `keep`, in place. Emptying a slot may move a later entry
    /// of its run into it (backward shift), so that slot is looked at again; an entry moved from the start
    /// of the table round to its end was looked at and kept already, and is kept again.
    mutating func filter(_ keep: (Value) -> Bool) {
        var index = 0
        while index <= mask {
            if tags[index] != KeyTable.vacant && !keep(values[index]) {
                remove(at: index)
            } else {
                index += 1
            }
        }
    }

    /// Empties a slot; the entries after it in its run move back so every key stays reachable from its
    /// home slot (backward-shift deletion: no tombstones).
    private mutating func remove(at removed: Int) {
        lastSlot = -1
        var hole = removed
        var index = removed
        while true {
            index = (index + 1) & mask
            guard tags[index] != KeyTable.vacant else { break }
            let wanted = Int(truncatingIfNeeded: tags[index]) & mask
            // The entry may fill the hole only if its home is not cyclically within (hole, index].
            let stays = hole <= index ? (hole < wanted && wanted <= index) : (hole < wanted || wanted <= index)
            if stays { continue }
            tags[hole] = tags[index]
            values[hole] = values[index]
            hole = index
        }
        tags[hole] = KeyTable.vacant
        values[hole] = filler
        count -= 1
    }

    /// The size a full table grows to: four times a small one (up to 4,096 slots, 128 KB of postfix sessions),
    /// so a log's first thousands of keys cost three rehashes rather than six; twice a larger one, so memory
    /// follows the keys. The mail cut's postfix table (64 -> 4,096 slots): its resizes 0.21 M -> 0.10 M, and
    /// its look-ups probe less at the lower load between them (`PostfixCorrelator.classify` 6.64 M -> 6.47 M).
    private static func grown(_ size: Int) -> Int { size < 4096 ? size * 4 : size * 2 }

    /// Moves the entries into a table of `size` slots; their tags are their homes still.
    private mutating func resize(to size: Int) {
        let oldTags = tagSlots, oldValues = valueSlots
        lastSlot = -1
        tagSlots = RawSlots(count: size, filler: KeyTable.vacant)
        valueSlots = RawSlots(count: size, filler: filler)
        tags = tagSlots.base
        values = valueSlots.base
        mask = size - 1
        count = 0
        withExtendedLifetime((oldTags, oldValues)) {
            for index in 0..<oldTags.count where oldTags.base[index] != KeyTable.vacant {
                let place = probe(oldTags.base[index])
                tags[place.index] = oldTags.base[index]
                values[place.index] = oldValues.base[index]
                count += 1
            }
        }
    }
}
